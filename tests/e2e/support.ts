// End-to-end harness: the built H5 app served by a real localcloud (demo seed, fresh data folder),
// driven in Debian's Chromium through playwright-core.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { DEV_OPENID_KEY } from '../../localcloud/seeds/identities'
import { ensureDemoMedia } from '../../scripts/demo-media'
import { extraServiceFactories, startLocalCloud, type LocalCloud } from '../../localcloud/server'
import { staticFilesService } from '../../localcloud/static'
import { sdkEnv } from '../../localcloud/sdk-env'
import { watchConsole } from './shots'

const root = path.resolve(__dirname, '../..')
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export interface E2E {
  url: string
  browser: Browser
  /** a fresh page acting as `openid` (what the identity picker stores) */
  pageAs(openid: string): Promise<Page>
  close(): Promise<void>
}

/** Points this process's `wx-server-sdk` at the test's localcloud, as `npm start` does for its own. */
function pointSdkAt(url: string): void {
  Object.assign(process.env, sdkEnv(url, { openid: '' }))
}

/**
 * `demoMedia`: also what `npm start` adds after the seed (the feeding guide PDF, post covers and
 * photo diaries, one of them in the demo contest), so the browser sees the demo a person sees.
 */
async function startE2E(options: { demoMedia?: boolean } = {}): Promise<E2E> {
  if (!fs.existsSync(path.join(root, 'dist/h5/index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qq-e2e-'))
  const cloud: LocalCloud = await startLocalCloud({
    port: 0,
    dataDir,
    seed: 'demo',
    services: [...extraServiceFactories, () => staticFilesService(path.join(root, 'dist/h5'))],
  })
  if (options.demoMedia) {
    pointSdkAt(cloud.url)
    await ensureDemoMedia()
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  return {
    url: cloud.url,
    browser,
    async pageAs(openid) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
      // first load only: after that the identity picker owns the choice
      await context.addInitScript(([key, id]) => {
        if (!window.localStorage.getItem(key)) window.localStorage.setItem(key, id)
      }, [DEV_OPENID_KEY, openid] as const)
      return context.newPage()
    },
    async close() {
      await browser.close()
      await cloud.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * The app has drawn its first page. Until then the landing route may show index.html's static copy
 * (config/landing-shell.ts), whose words are the app's: a test that waits for them alone may tap a
 * tab bar the app is still setting up.
 */
export async function appDrawn(page: Page): Promise<void> {
  await page.locator('.taro_page').first().waitFor({ state: 'attached' })
  await page.locator('#landing-shell').waitFor({ state: 'detached' })
}

export interface E2ESession {
  readonly url: string
  /** a fresh page acting as `openid`, its console watched: an error it logs fails the current test */
  page(openid: string): Promise<Page>
  /** opens `hash` (e.g. `/pages/index/index`) of the app in `page`, once the app has drawn it */
  open(page: Page, hash: string): Promise<void>
  /** a call through the client gateway as `openid`, for setting a scene; a failure throws */
  call(openid: string, fn: string, data: Record<string, unknown>): Promise<Record<string, unknown>>
  /** stores `bytes` in cloud storage as `openid` and answers the file id */
  upload(openid: string, cloudPath: string, bytes: Buffer, contentType?: string): Promise<string>
}

/**
 * What every walk-through shares: the app and its cloud started before the file's tests (then
 * `prepare` runs, e.g. to set a scene) and closed after them, and a clean console after each test.
 */
export function useE2E(options: { demoMedia?: boolean } = {}, prepare?: (session: E2ESession) => Promise<void>): E2ESession {
  let e2e: E2E | undefined
  const consoles: { who: string; errors: string[] }[] = []
  const running = () => {
    if (!e2e) throw new Error('the app is not running: use the session inside tests and hooks')
    return e2e
  }
  const session: E2ESession = {
    get url() {
      return running().url
    },
    async page(openid) {
      const page = await running().pageAs(openid)
      consoles.push({ who: openid, ...watchConsole(page) })
      return page
    },
    async open(page, hash) {
      await page.goto(`${running().url}/#${hash}`)
      await appDrawn(page)
    },
    async call(openid, fn, data) {
      const res = await fetch(`${running().url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(data) })
      const env = (await res.json()) as { ok: boolean; data?: Record<string, unknown>; error?: unknown }
      if (!env.ok) throw new Error(`${fn}.${String(data.action)}: ${JSON.stringify(env.error)}`)
      return env.data ?? {}
    },
    async upload(openid, cloudPath, bytes, contentType = 'image/png') {
      const url = `${running().url}/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType, 'x-wx-openid': openid }, body: new Uint8Array(bytes) })
      return ((await res.json()) as { fileID: string }).fileID
    },
  }
  beforeAll(async () => {
    e2e = await startE2E(options)
    await prepare?.(session)
  }, 120_000)
  afterAll(async () => {
    await e2e?.close()
  })
  afterEach(() => {
    const dirty = consoles.filter((c) => c.errors.length > 0).map((c) => `${c.who}: ${c.errors.join(' | ')}`)
    consoles.length = 0
    expect(dirty).toEqual([])
  })
  return session
}

/**
 * What a tap opens in a new tab: the tab, the address it went to and the bytes behind it. A file
 * served as a download closes its tab at once, so the address is taken from the tab's first request
 * (the app's own page only changes its #hash, which is no request).
 */
export async function popupOf(page: Page, tap: () => Promise<void>): Promise<{ popup: Page; body: Buffer; type: string }> {
  const opened = page.context().waitForEvent('request', { predicate: (r) => r.isNavigationRequest() })
  const [popup] = await Promise.all([page.context().waitForEvent('page'), tap()])
  const res = await fetch((await opened).url())
  expect(res.status).toBe(200)
  return { popup, body: Buffer.from(await res.arrayBuffer()), type: res.headers.get('content-type') ?? '' }
}
