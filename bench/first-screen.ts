// First screen of the H5 app on a phone: Chromium throttled to fast 4G (9 Mbit/s, 60 ms) and a 4×
// slower CPU, timed from navigation until the landing page's main button is on screen (drawn by
// index.html's static copy or by the app, whichever is first), and until the app has drawn it.
// The times are taken inside the page, in the frame that paints the button: a check from outside
// waits for the page's scripts to let it in, and would count their running time as not drawn. The
// build is served two ways in the same run: as files on disk with `no-cache` (before), and
// compressed with long-lived caching of hashed files (after, what `npm start` serves), the latter
// also on a repeat visit. With BASELINE=<dir> (an older `dist/h5`, built in a checkout of an
// earlier commit), that build is served both ways too, so a change to what the landing page loads
// is measured against the old code in the same run. Needs `npm run build:h5` and Chromium.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { DEV_OPENID_KEY } from '../localcloud/seeds/identities'
import { extraServiceFactories, startLocalCloud, type LocalCloud } from '../localcloud/server'
import { staticFilesService } from '../localcloud/static'

const root = path.resolve(__dirname, '..')
const RUNS = Number(process.env.RUNS ?? 5)
const FAST_4G = { offline: false, latency: 60, downloadThroughput: (9 * 1024 * 1024) / 8, uploadThroughput: (9 * 1024 * 1024) / 8 }
const CPU_SLOWDOWN = 4

async function serve(optimize: boolean, build = path.join(root, 'dist/h5')): Promise<{ cloud: LocalCloud; dir: string }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qq-bench-'))
  const cloud = await startLocalCloud({
    port: 0,
    dataDir: dir,
    seed: 'demo',
    services: [...extraServiceFactories, () => staticFilesService(build, { optimize })],
  })
  return { cloud, dir }
}

interface Visit {
  /** the button on screen */
  ms: number
  /** the app's own page drawn */
  appMs: number
  bytes: number
}

/**
 * Runs in every document: each frame, before it paints, notes the first frame with the button on
 * screen anywhere, and the first with it on the app's page. ES5 in a string: it is injected as is.
 */
const WATCH_BUTTON = `(function(){
var seen=window.__firstScreen={};
function shown(el){var r=el.getBoundingClientRect();return r.height>0&&r.bottom>0&&r.top<innerHeight&&(!el.checkVisibility||el.checkVisibility({opacityProperty:true,visibilityProperty:true}))}
function find(root){var els=root.querySelectorAll('a,taro-button-core,button');for(var i=0;i<els.length;i++){if(els[i].textContent.indexOf('申请加入妈妈圈')>=0&&shown(els[i]))return true}return false}
function frame(){var t=performance.now();
if(seen.any===undefined&&find(document))seen.any=t;
var app=document.querySelector('.taro_page');if(seen.app===undefined&&app&&find(app))seen.app=t;
if(seen.app===undefined)requestAnimationFrame(frame)}
requestAnimationFrame(frame)})()`

/** One or more visits in one browser context (so the second visit sees the cache the first filled). */
async function visits(browser: Browser, url: string, count: number): Promise<Visit[]> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' })
  await context.addInitScript(([key, id]) => window.localStorage.setItem(key, id), [DEV_OPENID_KEY, 'demo-visitor'] as const)
  await context.addInitScript(WATCH_BUTTON)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', FAST_4G)
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN })
  let bytes = 0
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength
  })
  const out: Visit[] = []
  for (let i = 0; i < count; i++) {
    // leave the app first: a second goto to the same URL with a hash would not load anything
    await page.goto('about:blank')
    bytes = 0
    await page.goto(`${url}/#/pages/index/index`, { waitUntil: 'commit' })
    await page.waitForFunction('window.__firstScreen && window.__firstScreen.app !== undefined', undefined, { timeout: 60_000 })
    const seen = (await page.evaluate('window.__firstScreen')) as { any: number; app: number }
    out.push({ ms: Math.round(seen.any), appMs: Math.round(seen.app), bytes })
  }
  await context.close()
  return out
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

async function main(): Promise<void> {
  if (!fs.existsSync(path.join(root, 'dist/h5/index.html'))) throw new Error('dist/h5 is missing: run `npm run build:h5` first')
  const baselineDir = process.env.BASELINE ? path.resolve(process.env.BASELINE) : undefined
  if (baselineDir && !fs.existsSync(path.join(baselineDir, 'index.html'))) throw new Error(`BASELINE=${baselineDir} has no index.html`)
  const before = await serve(false)
  const after = await serve(true)
  const baseline = baselineDir ? { plain: await serve(false, baselineDir), optimized: await serve(true, baselineDir) } : undefined
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] })
  const rows: Record<string, Visit[]> = {
    ...(baseline ? { 'baseline build, uncompressed, no-cache': [], 'baseline build, compressed (first visit)': [] } : {}),
    'before: uncompressed, no-cache': [],
    'after: compressed, cacheable (first visit)': [],
    'after: repeat visit (cache warm)': [],
  }
  try {
    // interleaved, so a busy moment on the machine hits both sides alike
    for (let i = 0; i < RUNS; i++) {
      if (baseline) {
        rows['baseline build, uncompressed, no-cache'].push(...(await visits(browser, baseline.plain.cloud.url, 1)))
        rows['baseline build, compressed (first visit)'].push(...(await visits(browser, baseline.optimized.cloud.url, 1)))
      }
      rows['before: uncompressed, no-cache'].push(...(await visits(browser, before.cloud.url, 1)))
      const [first, repeat] = await visits(browser, after.cloud.url, 2)
      rows['after: compressed, cacheable (first visit)'].push(first)
      rows['after: repeat visit (cache warm)'].push(repeat)
    }
  } finally {
    await browser.close()
    for (const s of baseline ? [before, after, baseline.plain, baseline.optimized] : [before, after]) {
      await s.cloud.close()
      fs.rmSync(s.dir, { recursive: true, force: true })
    }
  }
  const medianMs = (name: string, of: 'ms' | 'appMs' = 'ms') => median(rows[name].map((v) => v[of]))
  const base = medianMs('before: uncompressed, no-cache')
  const oldBuild = baseline ? medianMs('baseline build, uncompressed, no-cache') : undefined
  console.log(`first screen (landing page's main button visible; then the app's page drawn), fast 4G 9 Mbit/s 60 ms, CPU ÷${CPU_SLOWDOWN}, median of ${RUNS}`)
  for (const [name, vs] of Object.entries(rows)) {
    const ms = medianMs(name)
    const kb = median(vs.map((v) => v.bytes)) / 1024
    const vsBaseline = oldBuild ? `  ×${(oldBuild / ms).toFixed(2)} vs baseline uncompressed` : ''
    console.log(
      `${name.padEnd(44)} ${String(ms).padStart(6)} ms  app ${String(medianMs(name, 'appMs')).padStart(6)} ms  ${kb.toFixed(0).padStart(5)} KB sent  ×${(base / ms).toFixed(2)} vs before${vsBaseline}`,
    )
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
