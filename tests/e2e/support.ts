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
export async function startE2E(options: { demoMedia?: boolean } = {}): Promise<E2E> {
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
