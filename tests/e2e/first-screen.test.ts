// The static landing page in index.html (config/landing-shell.ts): on screen before the scripts
// run, in the same place as the app's own landing page, gone once the app draws, and never shown
// to a device that knows her as more than a visitor. The scripts are held back by the test, so
// "before the app runs" is a moment the test controls rather than a race it hopes to win.
import type { Page } from 'playwright-core'
import { useE2E } from './support'
import { shot } from './shots'

const e2e = useE2E()

/** Holds every script of the app until `release()`: the page shows only what index.html draws. */
async function holdScripts(page: Page): Promise<{ release: () => void }> {
  let release = () => {}
  const released = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/js/*.js', async (route) => {
    await released
    await route.continue()
  })
  return { release }
}

/** The whole of index.html has been read (its scripts, held back, have not run). */
const parsed = (page: Page) => page.locator('#app').waitFor({ state: 'attached' })

const SHELL = '#landing-shell'
const APP_PAGE = '.taro_page'

async function box(page: Page, selector: string) {
  const b = await page.locator(selector).first().boundingBox()
  if (!b) throw new Error(`${selector} is not on screen`)
  return b
}

test('a visitor sees the landing page before the app runs, and the app draws it in the same place', async () => {
  const page = await e2e.page('demo-visitor')
  const scripts = await holdScripts(page)
  await page.goto(`${e2e.url}/#/pages/index/index`, { waitUntil: 'commit' })

  const shellButton = page.locator(`${SHELL} a`, { hasText: '申请加入妈妈圈' })
  await shellButton.waitFor({ state: 'visible' })
  await page.locator(SHELL).getByText('访客（未申请） ▾').waitFor()
  expect(await page.locator(APP_PAGE).count()).toBe(0)
  const shellTexts = await page.locator(`${SHELL} .ls-page`).innerText()
  const before = { headline: await box(page, `${SHELL} .ls-headline`), button: await box(page, `${SHELL} .ls-button`), card: await box(page, `${SHELL} .ls-card`) }
  await shot(page, 'first-screen-static')

  scripts.release()
  await page.locator(APP_PAGE).getByText('申请加入妈妈圈').waitFor({ state: 'visible' })
  await page.locator(SHELL).waitFor({ state: 'detached' })
  const after = {
    headline: await box(page, `${APP_PAGE} .headline`),
    button: await box(page, `${APP_PAGE} .ui-button--primary`),
    card: await box(page, `${APP_PAGE} .ui-card`),
  }
  // nothing jumps when the app takes over (a pixel of rounding allowed)
  for (const key of ['headline', 'button', 'card'] as const) {
    expect(Math.abs(after[key].y - before[key].y)).toBeLessThanOrEqual(1.5)
    expect(Math.abs(after[key].x - before[key].x)).toBeLessThanOrEqual(1.5)
    expect(Math.abs(after[key].width - before[key].width)).toBeLessThanOrEqual(1.5)
  }
  expect(Math.abs(after.button.height - before.button.height)).toBeLessThanOrEqual(1.5)
  // the same words: every line of the static copy is on the app's page
  const appTexts = await page.locator(APP_PAGE).innerText()
  for (const line of shellTexts.split('\n').map((l) => l.trim()).filter(Boolean)) expect(appTexts).toContain(line)
  await shot(page, 'first-screen-app')
})

test('a tap on the static button before the app runs opens the apply form once it does', async () => {
  const page = await e2e.page('demo-visitor')
  const scripts = await holdScripts(page)
  await page.goto(`${e2e.url}/#/pages/index/index`, { waitUntil: 'commit' })
  await page.locator(`${SHELL} a`, { hasText: '申请加入妈妈圈' }).click()
  // she sees that the tap was taken
  await page.locator(SHELL).getByText('正在打开…').waitFor()
  await shot(page, 'first-screen-tapped')

  scripts.release()
  await page.locator(APP_PAGE).getByText('提交申请').waitFor({ state: 'visible' })
  expect(await page.locator(SHELL).count()).toBe(0)
  expect(page.url()).toContain('#/packages/forms/pages/apply/index')
})

test('a device that knows her as a member never shows the visitor landing page', async () => {
  const page = await e2e.page('demo-mother')
  await page.addInitScript(() => window.localStorage.setItem('last-member-status', JSON.stringify({ data: 'member' })))
  const scripts = await holdScripts(page)
  await page.goto(`${e2e.url}/#/pages/index/index`, { waitUntil: 'commit' })
  await parsed(page)
  expect(await page.locator(SHELL).count()).toBe(0)
  expect(await page.getByText('申请加入妈妈圈').count()).toBe(0)
  scripts.release()
  await page.locator(APP_PAGE).getByTestId('identity-picker').waitFor()
})

test('a link to another page does not flash the landing page', async () => {
  const page = await e2e.page('demo-visitor')
  const scripts = await holdScripts(page)
  await page.goto(`${e2e.url}/#/packages/forms/pages/qa/index`, { waitUntil: 'commit' })
  await parsed(page)
  expect(await page.locator(SHELL).count()).toBe(0)
  scripts.release()
  await page.locator(APP_PAGE).getByTestId('identity-picker').waitFor()
})
