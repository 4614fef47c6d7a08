// What every browser test shares: a screenshot of each step (390×844, under .tmp/e2e-shots/, for a
// person to look at) and a console that must stay clean — an error logged by the app fails the test.
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'

const SHOTS = path.resolve(__dirname, '../../.tmp/e2e-shots')

/**
 * Taken once the screen stands still, as a person would look: no page sliding in, no dialog fading,
 * and no toast on top unless the toast is what the step shows.
 */
export async function shot(page: Page, name: string, options: { toast?: boolean } = {}): Promise<void> {
  await page.waitForFunction((keepToast) => {
    const moving = document.getAnimations().some((a) => {
      const el = (a.effect as KeyframeEffect | null)?.target as Element | null
      return a.playState === 'running' && Boolean(el?.matches('.taro_page, .taro__modal, .taro__toast'))
    })
    const toast = Array.from(document.querySelectorAll<HTMLElement>('.taro__toast')).some((t) => getComputedStyle(t).display !== 'none' && getComputedStyle(t).opacity !== '0')
    return !moving && (keepToast || !toast)
  }, options.toast === true, { timeout: 10_000 })
  fs.mkdirSync(SHOTS, { recursive: true })
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
}

/** Starts collecting the page's console errors and uncaught exceptions. */
export function watchConsole(page: Page): { errors: string[] } {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(msg.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  page.on('requestfailed', (r) => {
    // a reload or a navigation cancels what was in flight: that is the browser, not a failure
    if (r.failure()?.errorText !== 'net::ERR_ABORTED') errors.push(`request failed: ${r.url()} ${r.failure()?.errorText ?? ''}`)
  })
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()}: ${r.url()}`)
  })
  return { errors }
}

/** A tiny solid-colour PNG, built by hand (no image library needed). */
export function solidPng(width: number, height: number, rgb: [number, number, number]): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const zlib = require('node:zlib') as typeof import('node:zlib')
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (buf: Buffer) => {
    let c = 0xffffffff
    for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4)
    len.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const sum = Buffer.alloc(4)
    sum.writeUInt32BE(crc(body))
    return Buffer.concat([len, body, sum])
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 2 // truecolour
  const row = Buffer.concat([Buffer.from([0]), Buffer.from(Array.from({ length: width }, () => rgb).flat())])
  const raw = Buffer.concat(Array.from({ length: height }, () => row))
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))])
}
