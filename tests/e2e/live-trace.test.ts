// Live previews and trace codes as mothers and visitors use them, in Chromium against the real H5
// build and localcloud with the demo a person sees after `npm start` (the 保税仓 live tomorrow, its
// papers, batch QQ2611A). Every step is photographed (.tmp/e2e-shots/, names start with `live-`
// or `trace-`) and every console must stay clean.
import type { Locator, Page } from 'playwright-core'
import { DEMO_CODES, DEMO_COPIED_CODE, DEMO_BATCH } from '../../scripts/demo-live-facts'
import { DEMO_LIVE_ID } from '../../scripts/demo-live'
import { popupOf, useE2E } from './support'
import { shot } from './shots'

const e2e = useE2E({ demoMedia: true })
const { page: pageAs, call: callAs } = e2e

async function start(page: Page): Promise<void> {
  await e2e.open(page, '/pages/index/index')
  await page.locator('.taro_page').getByText('亲亲宝贝 · 妈妈圈').waitFor()
}

/** Waits until every image inside `scope` has painted: loaded, with a natural size. */
async function painted(scope: Locator): Promise<number> {
  const imgs = scope.locator('img')
  await imgs.first().waitFor({ state: 'attached', timeout: 15_000 })
  const n = await imgs.count()
  for (let i = 0; i < n; i++) {
    await scope.page().waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await imgs.nth(i).elementHandle(), { timeout: 15_000 })
  }
  return n
}

/** The full-size preview over the page: its shown image painted, then closed with a tap. */
async function previewPaints(page: Page, name: string): Promise<number> {
  const overlay = page.locator('.preview-image')
  await overlay.waitFor()
  const width = await page.waitForFunction(() => {
    const imgs = Array.from(document.querySelectorAll<HTMLImageElement>('.preview-image img'))
    return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0) ? imgs[0].naturalWidth : 0
  }, undefined, { timeout: 15_000 })
  await shot(page, name)
  await overlay.click()
  await overlay.waitFor({ state: 'detached' })
  return (await width.jsonValue()) as number
}

test('a mother opens the next live from home, taps through its evidence, asks to be reminded and asks a question', async () => {
  const mother = await pageAs('demo-mother')
  await start(mother)
  const card = mother.getByTestId('next-live')
  await card.getByText('保税仓直播：新到奶粉开箱验货').waitFor()
  await expect(card.innerText()).resolves.toMatch(/明天 20:00 开播 · 保税仓直播 · 阿敏/)
  await expect(mother.getByTestId('next-live-countdown').innerText()).resolves.toMatch(/^还有 \d+(小时\d{2}分|天\d+小时)$/)
  await shot(mother, 'live-home-card')

  await card.click()
  await mother.getByTestId('live-countdown').getByText('距开播').waitFor()
  expect(await painted(mother.locator('.l-cover').first())).toBe(1)
  await expect(mother.getByTestId('live-host').innerText()).resolves.toContain('亲亲宝贝团长，两个宝宝的妈妈')
  expect(await painted(mother.getByTestId('live-host'))).toBe(1)
  await expect(mother.getByTestId('live-product').first().innerText()).resolves.toContain(DEMO_BATCH.product)
  await shot(mother, 'live-detail')

  // the gallery, grouped by kind; each photo painted before she taps it
  const customs = mother.getByTestId('evidence-customs')
  await customs.scrollIntoViewIfNeeded()
  await customs.getByText('✓ 报关单').waitFor()
  expect(await painted(customs)).toBe(1)
  const quality = mother.getByTestId('evidence-quality')
  expect(await painted(quality)).toBe(1)
  await shot(mother, 'live-evidence')
  // tap → full size: the customs declaration is drawn 620 px wide, not as the thumbnail
  await customs.getByTestId('evidence-image').click()
  expect(await previewPaints(mother, 'live-evidence-customs-full')).toBeGreaterThan(300)
  await quality.getByTestId('evidence-image').click()
  expect(await previewPaints(mother, 'live-evidence-quality-full')).toBeGreaterThan(300)
  const other = mother.getByTestId('evidence-other')
  await other.scrollIntoViewIfNeeded()
  expect(await painted(other)).toBe(1)
  await other.getByTestId('evidence-image').click()
  await previewPaints(mother, 'live-evidence-warehouse-full')
  // the full report is a PDF: it opens (H5: a new tab)
  const pdf = await popupOf(mother, () => quality.getByTestId('evidence-file').click())
  expect(pdf.type).toBe('application/pdf')
  expect(pdf.body.subarray(0, 5).toString()).toBe('%PDF-')
  await pdf.popup.close()
  await expect(mother.getByTestId('evidence-trace').innerText()).resolves.toContain('每罐罐底有溯源码')

  // 提醒我: the H5 stand-in accepts the templates, the function records them
  await mother.getByTestId('remind-me').scrollIntoViewIfNeeded()
  await mother.getByTestId('remind-me').click()
  await mother.getByTestId('remind-me').getByText('✓ 已提醒').waitFor()
  await shot(mother, 'live-reminded', { toast: true })
  // done: the button no longer takes a tap
  await expect(mother.getByTestId('remind-me').getAttribute('class')).resolves.toContain('ui-button--disabled')

  // a question: too short is explained on the spot, a good one is sent
  const box = mother.getByTestId('live-question')
  await box.scrollIntoViewIfNeeded()
  await box.locator('textarea').fill('奶粉')
  await mother.getByTestId('live-ask').click()
  await expect(mother.getByTestId('live-question-error').innerText()).resolves.toContain('问题至少 5 个字')
  await box.locator('textarea').fill('这批奶粉的生产日期是哪天？')
  await mother.getByTestId('live-question-count').getByText('13/200').waitFor()
  await mother.getByTestId('live-ask').click()
  await mother.getByTestId('live-question-sent').waitFor()
  await expect(box.locator('textarea').inputValue()).resolves.toBe('')
  await shot(mother, 'live-asked')

  // the leader answers it on air; the mother's page shows it without a reload (it polls)
  const queue = (await callAs('demo-leader', 'live', { action: 'questions', liveId: DEMO_LIVE_ID })) as { items: { id: string; question: string }[] }
  const mine = queue.items.find((q) => q.question === '这批奶粉的生产日期是哪天？')
  expect(mine).toBeDefined()
  await callAs('demo-leader', 'live', { action: 'curate', id: mine?.id, to: 'answered', answer: `${DEMO_BATCH.producedAt} 生产，罐底溯源码可以查到。` })
  const answered = mother.getByTestId('live-qa-item').filter({ hasText: '这批奶粉的生产日期是哪天？' })
  await answered.getByText(`${DEMO_BATCH.producedAt} 生产，罐底溯源码可以查到。`).waitFor({ timeout: 25_000 })
  await expect(answered.innerText()).resolves.toContain('我的提问')
  await answered.scrollIntoViewIfNeeded()
  await shot(mother, 'live-qa-answered')

  // back on the list: the live counts down, the past one is there
  await mother.goto(`${e2e.url}/#/packages/live/pages/list/index`)
  await mother.getByText('牧场直播：奶源地探访').waitFor()
  await expect(mother.getByTestId(`live-item-${DEMO_LIVE_ID}`).innerText()).resolves.toMatch(/距开播 \d+/)
  await shot(mother, 'live-list')
}, 180_000)

test('the trace lookup: a known code shows its batch and papers, an unknown or copied one the counterfeit warning', async () => {
  const mother = await pageAs('demo-mother')
  await start(mother)
  await mother.getByTestId('trace-entry').click()
  await mother.getByText('查验溯源码').first().waitFor()
  // a browser has no scanner: the button is not offered
  expect(await mother.locator('.t-form').getByText('扫一扫').count()).toBe(0)
  await mother.getByTestId('trace-input').locator('input').fill(DEMO_CODES[0].toLowerCase())
  await mother.getByTestId('trace-lookup').click()
  const facts = mother.getByTestId('trace-facts')
  await mother.getByTestId('trace-genuine').waitFor()
  const text = await facts.innerText()
  for (const fact of [DEMO_CODES[0], DEMO_BATCH.product, DEMO_BATCH.batchNo, DEMO_BATCH.producedAt, DEMO_BATCH.expiresAt, DEMO_BATCH.customsNo]) expect(text).toContain(fact)
  await expect(mother.getByTestId('trace-history').innerText()).resolves.toBe('这是该溯源码的第 1 次查询')
  await shot(mother, 'trace-genuine')
  const report = await popupOf(mother, () => mother.getByTestId('trace-report').click())
  expect(report.type).toBe('application/pdf')
  await report.popup.close()
  // looked up again: counted, with the day of the first lookup
  await mother.getByTestId('trace-lookup').click()
  await mother.getByTestId('trace-history').getByText(/已被查询 2 次，首次查询于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}/).waitFor()

  await mother.getByTestId('trace-input').locator('input').fill('QQ2611A-404404')
  await mother.getByTestId('trace-lookup').click()
  const warning = mother.getByTestId('trace-warning')
  await warning.getByText('未查到这个溯源码').waitFor()
  await mother.getByText('假一赔十', { exact: true }).waitFor()
  await mother.getByTestId('service-call').waitFor()
  await mother.getByTestId('service-wechat').waitFor()
  await shot(mother, 'trace-unknown')

  await mother.getByTestId('trace-input').locator('input').fill(DEMO_COPIED_CODE)
  await mother.getByTestId('trace-lookup').click()
  await warning.getByText('这个溯源码可能被仿冒').waitFor()
  await expect(mother.locator('.t-warn').innerText()).resolves.toContain('已被多人查询')
  await shot(mother, 'trace-suspicious')

  // a typo never reaches the function: it is explained
  await mother.getByTestId('trace-input').locator('input').fill('QQ 1')
  await mother.getByTestId('trace-lookup').click()
  await expect(mother.getByTestId('trace-code-error').innerText()).resolves.toContain('6–40 位')
}, 120_000)

test('a visitor sees nothing of a live, even from a shared link, but may look up a code', async () => {
  const visitor = await pageAs('demo-visitor')
  await start(visitor)
  await visitor.getByText('申请加入妈妈圈').first().waitFor()
  await visitor.getByTestId('trace-entry').scrollIntoViewIfNeeded()
  expect(await visitor.getByTestId('next-live').count()).toBe(0)
  expect(await visitor.getByText('保税仓直播').count()).toBe(0)
  await shot(visitor, 'live-visitor-home')

  await visitor.getByTestId('trace-entry').click()
  await visitor.getByTestId('trace-input').locator('input').fill(DEMO_CODES[1])
  await visitor.getByTestId('trace-lookup').click()
  await visitor.getByTestId('trace-genuine').waitFor()
  await expect(visitor.getByTestId('trace-facts').innerText()).resolves.toContain(DEMO_BATCH.customsNo)
  await shot(visitor, 'trace-visitor-genuine')

  // links friends shared, each opened as a chat card opens it: straight onto the page
  const friend = await pageAs('demo-visitor')
  // a shared result opens with the code filled in, for her to look up herself
  await friend.goto(`${e2e.url}/#/packages/live/pages/trace/index?code=${DEMO_CODES[2]}`)
  await friend.getByText(`好友分享了溯源码 ${DEMO_CODES[2]}`).waitFor()
  await expect(friend.getByTestId('trace-input').locator('input').inputValue()).resolves.toBe(DEMO_CODES[2])
  expect(await friend.getByTestId('trace-genuine').count()).toBe(0)
  await shot(friend, 'trace-visitor-shared')

  const invited = await pageAs('demo-visitor')
  await invited.goto(`${e2e.url}/#/packages/live/pages/detail/index?id=${DEMO_LIVE_ID}&shared=1`)
  await invited.getByText('直播预告仅对会员开放').waitFor()
  await invited.getByText(/好友分享了一场直播预告/).waitFor()
  expect(await invited.getByText('保税仓直播').count()).toBe(0)
  expect(await invited.getByText('阿敏').count()).toBe(0)
  await shot(invited, 'live-visitor-shared-locked')
  const lister = await pageAs('demo-visitor')
  await lister.goto(`${e2e.url}/#/packages/live/pages/list/index`)
  await lister.getByText('直播预告仅对会员开放').waitFor()
}, 120_000)
