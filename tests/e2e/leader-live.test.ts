// The leader's live console in Chromium against the real H5 build and localcloud: from the 工作台
// she publishes a live preview with an evidence photo, curates a mother's questions as they arrive
// (the page polls; no reload), and imports a batch of can codes by pasting them. Every step is
// photographed (.tmp/e2e-shots/leader-live-*) and the console must stay clean.
import type { Locator, Page } from 'playwright-core'
import { useE2E } from './support'
import { shot, solidPng } from './shots'

const e2e = useE2E()
const { page: pageAs, call: callAs, open } = e2e

const visible = (page: Page, testId: string): Locator => page.getByTestId(testId).filter({ visible: true })

/** Waits until the first element matching `selector` has scrolled into the window. */
async function inView(page: Page, selector: string): Promise<void> {
  await page.waitForFunction((sel) => {
    const el = Array.from(document.querySelectorAll(sel)).find((e) => e.getClientRects().length > 0)
    const box = el?.getBoundingClientRect()
    return Boolean(box && box.top >= 0 && box.bottom <= window.innerHeight)
  }, selector)
}

/** A field's input, found by the label above it. */
const fieldInput = (page: Page, label: string): Locator =>
  page.locator('.m-field').filter({ has: page.locator('.m-field__label', { hasText: label }), visible: true }).locator('input, textarea').first()

/** Taro's confirm dialog on H5: waits until it has faded in, photographs it, confirms. */
async function confirmModal(page: Page, title: string | RegExp, shotName: string): Promise<void> {
  const dialog = page.locator('.taro-modal__content').filter({ hasText: title, visible: true })
  await dialog.waitFor()
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__modal')).some((m) => getComputedStyle(m).opacity === '1' && getComputedStyle(m).display !== 'none'))
  await shot(page, shotName)
  await dialog.locator('.taro-model__confirm').click()
  await dialog.waitFor({ state: 'hidden' })
}

/** Opens a picker and takes what it offers (the form opens each on a sensible day). */
async function pickDefault(page: Page, testId: string): Promise<void> {
  await visible(page, testId).click()
  await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
  await page.waitForFunction(() => !Array.from(document.querySelectorAll('.weui-picker__action')).some((el) => el.getClientRects().length > 0))
}

/** Answers the next file chooser with `file`, after `trigger` opens it. */
async function upload(page: Page, trigger: Locator, file: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), trigger.click()])
  await chooser.setFiles(file)
}

/** A call made by the app's own cloud client in that page, as the identity the page acts as. */
async function callInPage(page: Page, name: string, data: Record<string, unknown>): Promise<Record<string, unknown>> {
  const res = await page.evaluate(
    async ([fn, payload]) => {
      const cloud = (window as unknown as { wx: { cloud: { callFunction(o: { name: string; data: unknown }): Promise<{ result: unknown }> } } }).wx.cloud
      return (await cloud.callFunction({ name: fn, data: payload })).result
    },
    [name, data] as const,
  )
  const env = res as { ok: boolean; data?: Record<string, unknown>; error?: unknown }
  if (!env.ok) throw new Error(`${name}.${String(data.action)}: ${JSON.stringify(env.error)}`)
  return env.data ?? {}
}

const TITLE = '新西兰牧场直播：看奶源'

test('a leader publishes a preview with evidence from the 工作台, then curates a mother\'s questions as they arrive', async () => {
  const leader = await pageAs('demo-leader')
  await open(leader, '/packages/leader/pages/home/index')
  await leader.getByTestId('tool-lives').waitFor()
  await leader.getByTestId('tool-trace').waitFor()
  await shot(leader, 'leader-live-home')

  await leader.getByTestId('tool-lives').click()
  await visible(leader, 'live-new').waitFor()
  await shot(leader, 'leader-live-list-before')

  await visible(leader, 'live-new').click()
  await visible(leader, 'live-form').waitFor()
  // sending it empty names what is missing, next to each field
  await visible(leader, 'live-submit').click()
  await leader.getByText(/还有 \d+ 处需要完善/).filter({ visible: true }).waitFor()
  await visible(leader, 'live-title').locator('.m-field__error').waitFor()
  // the first error is brought into view, not left above the button she tapped
  await inView(leader, '[data-testid="live-title"] .m-field__error')
  await shot(leader, 'leader-live-form-errors')

  await fieldInput(leader, '直播标题').fill(TITLE)
  await visible(leader, 'live-title-count').getByText(`${TITLE.length}/30`).waitFor()
  await visible(leader, 'live-scene').getByText('牧场').click()
  await pickDefault(leader, 'live-date')
  await pickDefault(leader, 'live-time')
  await fieldInput(leader, '主播名字').fill('阿敏团长')
  await fieldInput(leader, '一句话介绍').fill('十年母婴买手，两个宝宝的妈妈')
  await visible(leader, 'live-product-0').locator('input').first().fill('A2 奶粉 1 段 900g')
  await visible(leader, 'live-add-evidence').click()
  await visible(leader, 'live-evidence-0').waitFor()
  await upload(leader, visible(leader, 'live-evidence-file-0'), { name: 'customs.png', mimeType: 'image/png', buffer: solidPng(120, 160, [200, 220, 240]) })
  // the uploaded photo shows in the row (painted, not an empty box)
  await leader.waitForFunction(() => {
    const img = document.querySelector<HTMLImageElement>('[data-testid="live-evidence-file-0"] img')
    return Boolean(img && img.complete && img.naturalWidth > 0)
  }, undefined, { timeout: 15_000 })
  await expect(visible(leader, 'live-evidence-0').locator('input').first().inputValue()).resolves.toBe('报关单')
  await visible(leader, 'live-evidence-0').scrollIntoViewIfNeeded()
  await shot(leader, 'leader-live-form-evidence')

  // the draft survives a reload, the uploaded evidence with it
  await leader.reload()
  await visible(leader, 'live-form').waitFor()
  await expect(fieldInput(leader, '直播标题').inputValue()).resolves.toBe(TITLE)
  await leader.locator('[data-testid="live-evidence-file-0"] img').waitFor()

  await visible(leader, 'live-submit').click()
  // back on the list (a reload left no page to go back to: the list opens in its place)
  const card = leader.locator('.ui-card').filter({ hasText: TITLE, visible: true })
  await card.waitFor()
  await card.getByText('证据 1 份').waitFor()
  await card.getByText('即将开播').waitFor()
  const liveId = ((await card.locator('[data-testid^="live-"]').first().getAttribute('data-testid')) ?? '').replace(/^live-/, '')
  expect(liveId).not.toBe('')
  await shot(leader, 'leader-live-list')

  // the curation page, left open: questions must arrive without a reload
  await visible(leader, `live-qa-${liveId}`).click()
  await leader.getByText('暂时没有新问题', { exact: false }).filter({ visible: true }).waitFor()
  await leader.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true))
  await shot(leader, 'leader-live-qa-empty')

  const mother = await pageAs('demo-mother')
  await open(mother, '/pages/index/index')
  await mother.getByText('欢迎回来').first().waitFor()
  const first = '1 段奶粉一天喝几次比较合适？'
  const { id: q1 } = await callInPage(mother, 'live', { action: 'ask', liveId, question: first })

  const question1 = leader.getByTestId(`q-${q1 as string}`).filter({ visible: true })
  await question1.waitFor({ timeout: 15_000 })
  await question1.getByText('小雨妈妈').waitFor()
  expect(await leader.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true)
  await shot(leader, 'leader-live-qa-new')

  await visible(leader, `q-pick-${q1 as string}`).click()
  await question1.waitFor({ state: 'detached' })
  await leader.getByRole('tab', { name: /已选中/ }).click()
  await question1.waitFor()
  await visible(leader, `q-answer-${q1 as string}`).click()
  const answer = '0–6 个月每天 6–8 次，按宝宝需要来，别硬喂'
  await question1.locator('textarea').fill(answer)

  // a second question arrives while she types: the 新问题 count updates, her answer stays
  const second = '冲奶的水温多少度合适？'
  await callInPage(mother, 'live', { action: 'ask', liveId, question: second })
  await leader.getByRole('tab', { name: '新问题 1' }).waitFor({ timeout: 15_000 })
  await expect(question1.locator('textarea').inputValue()).resolves.toBe(answer)
  await shot(leader, 'leader-live-qa-answering')

  await visible(leader, `q-send-${q1 as string}`).click()
  await question1.waitFor({ state: 'detached' })
  await leader.getByRole('tab', { name: /已回答/ }).click()
  await question1.getByText(answer).waitFor()
  await shot(leader, 'leader-live-qa-answered')

  // the mothers see the picked-and-answered question, never the unread one
  const qa = (await callInPage(mother, 'live', { action: 'qa', liveId })) as { items: { question: string; state: string; answer?: string }[] }
  expect(qa.items).toEqual([expect.objectContaining({ question: first, state: 'answered', answer })])

  // the 工作台 shows the next live with its unread question, one tap from the curation page
  await open(leader, '/packages/leader/pages/home/index')
  await leader.getByTestId('inbox-live').getByText('新问题 1').waitFor()
  await leader.getByTestId('tool-lives-badge').getByText('1 场待开播').waitFor()
  await shot(leader, 'leader-live-home-after')
  await leader.getByTestId('inbox-live').click()
  await leader.getByText(second).filter({ visible: true }).waitFor()
}, 180_000)

test('a leader imports a batch of pasted codes and sees what was imported, repeated and skipped', async () => {
  const leader = await pageAs('demo-leader')
  await open(leader, '/packages/leader/pages/home/index')
  await leader.getByTestId('tool-trace').click()
  await visible(leader, 'trace-import').waitFor()

  await fieldInput(leader, '批次号').fill('NZ2026-E2E')
  await fieldInput(leader, '商品').fill('A2 奶粉 1 段 900g')
  await pickDefault(leader, 'trace-produced')
  await pickDefault(leader, 'trace-expires')
  await fieldInput(leader, '报关单号').fill('223320261000123456')
  const pdf = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
  await upload(leader, visible(leader, 'trace-quality'), { name: '质检报告.pdf', mimeType: 'application/pdf', buffer: pdf })
  await visible(leader, 'trace-quality').getByText('质检报告.pdf').waitFor()

  await fieldInput(leader, '粘贴溯源码').fill('E2E-A00001\nE2E-A00002\ne2e-a00001\nE2E-A00003, E2E-A00004\nbad!')
  await visible(leader, 'trace-read').getByText('读到 6 条：可导入 4 个，重复 1 个（只导入一次），不是溯源码 1 条').waitFor()
  await visible(leader, 'trace-read').getByText(/第 6 个「bad!」/).waitFor()
  await shot(leader, 'leader-trace-pasted')

  await visible(leader, 'trace-submit').click()
  await confirmModal(leader, '有 1 条不是溯源码', 'leader-trace-confirm-skip')
  const report = visible(leader, 'trace-report')
  await report.waitFor()
  await inView(leader, '[data-testid="trace-report"]')
  await expect(visible(leader, 'trace-report-imported').innerText()).resolves.toBe('4')
  await visible(leader, 'trace-report-repeated').getByText(/重复 1 个，只导入一次：E2E-A00001/).waitFor()
  await visible(leader, 'trace-report-invalid').getByText(/不是溯源码 1 条/).waitFor()
  await shot(leader, 'leader-trace-report')

  // more codes for the same batch: one already in it is reported, not stored twice
  await fieldInput(leader, '粘贴溯源码').fill('E2E-A00004\nE2E-A00005')
  await visible(leader, 'trace-submit').click()
  await visible(leader, 'trace-report-already').getByText(/本批次已导入过 1 个，没有重复导入：E2E-A00004/).waitFor()
  await expect(visible(leader, 'trace-report-imported').innerText()).resolves.toBe('1')
  await report.getByText(/现在共 5 个码/).waitFor()
  await inView(leader, '[data-testid="trace-report"]')
  await shot(leader, 'leader-trace-report-again')

  // or a CSV file from the factory: first column, header skipped
  await leader.getByText('CSV 文件', { exact: true }).click()
  const csv = Buffer.from('\uFEFF溯源码,生产线\r\nE2E-A00006,1\r\nE2E-A00007,1\r\nE2E-A00005,2\r\n', 'utf8')
  await upload(leader, visible(leader, 'trace-csv'), { name: '罐码.csv', mimeType: 'text/csv', buffer: csv })
  await visible(leader, 'trace-read').getByText('读到 3 条：可导入 3 个').waitFor()
  await visible(leader, 'trace-read').getByText('第一行是表头，已跳过').waitFor()
  await shot(leader, 'leader-trace-csv')
  await visible(leader, 'trace-submit').click()
  await visible(leader, 'trace-report-already').getByText(/本批次已导入过 1 个，没有重复导入：E2E-A00005/).waitFor()
  await expect(visible(leader, 'trace-report-imported').innerText()).resolves.toBe('2')
  await report.getByText(/现在共 7 个码/).waitFor()

  // anyone holding a can finds it
  const found = await callInPage(leader, 'trace', { action: 'lookup', code: 'e2e-a00003' })
  expect(found).toMatchObject({ found: true, product: 'A2 奶粉 1 段 900g', batch: { batchNo: 'NZ2026-E2E' } })
}, 120_000)

test('a leader edits a preview, finishes it with its replay, and cancels another after confirming', async () => {
  const tomorrow = new Date(Date.now() + 24 * 3600_000).toISOString()
  const live = (title: string) => callAs('demo-leader', 'live', { action: 'create', title, host: { name: '阿敏团长' }, scene: 'factory', startAt: tomorrow, products: [{ name: '羊奶粉' }] })
  const { id: toEdit } = await live('工厂直播：看灌装线')
  const { id: toCancel } = await live('保税仓直播：看仓储')

  const leader = await pageAs('demo-leader')
  await open(leader, '/packages/leader/pages/lives/index')
  await visible(leader, `live-edit-${toEdit as string}`).click()
  await visible(leader, 'live-form').waitFor()
  await expect(fieldInput(leader, '直播标题').inputValue()).resolves.toBe('工厂直播：看灌装线')
  // the date and time pickers are big enough for a thumb, and open on the live's own day
  const picker = await visible(leader, 'live-date').boundingBox()
  expect(picker && picker.height).toBeGreaterThanOrEqual(48)
  await visible(leader, 'live-date').click()
  await leader.locator('.weui-picker__action:visible', { hasText: '确定' }).waitFor()
  await shot(leader, 'leader-live-edit-picker')
  await leader.locator('.weui-picker__action:visible', { hasText: '取消' }).click()

  await fieldInput(leader, '直播标题').fill('工厂直播：看灌装和质检')
  await visible(leader, 'live-add-product').click()
  await visible(leader, 'live-product-1').locator('input').first().fill('有机米粉')
  await shot(leader, 'leader-live-edit')
  await visible(leader, 'live-submit').click()
  const edited = leader.locator('.ui-card').filter({ hasText: '工厂直播：看灌装和质检', visible: true })
  await edited.getByText('商品 2 个', { exact: false }).waitFor()

  await visible(leader, `live-finish-${toEdit as string}`).click()
  const finish = visible(leader, `finish-${toEdit as string}`)
  await fieldInput(leader, '回放链接').fill('https://channels.weixin.qq.com/replay/e2e')
  await finish.getByTestId('highlight-0').locator('input').fill('3 分钟看懂灌装线的无菌流程')
  await shot(leader, 'leader-live-finish-form')
  await visible(leader, `finish-submit-${toEdit as string}`).click()
  await edited.waitFor({ state: 'detached' })
  await leader.getByRole('tab', { name: '已结束' }).click()
  const finished = leader.locator('.ui-card').filter({ hasText: '工厂直播：看灌装和质检', visible: true })
  await finished.getByText('3 分钟看懂灌装线的无菌流程', { exact: false }).waitFor()
  await finished.getByText('补充回放').waitFor()
  await shot(leader, 'leader-live-finished')

  await leader.getByRole('tab', { name: '即将开播' }).click()
  await visible(leader, `live-cancel-${toCancel as string}`).click()
  await confirmModal(leader, '取消「保税仓直播：看仓储」？', 'leader-live-cancel-confirm')
  await leader.getByTestId(`live-${toCancel as string}`).filter({ visible: true }).waitFor({ state: 'detached' })
  await leader.getByRole('tab', { name: '已取消' }).click()
  const cancelled = leader.locator('.ui-card').filter({ hasText: '保税仓直播：看仓储', visible: true })
  await cancelled.getByText('已取消').waitFor()
  // nothing left to do to a cancelled live but read its questions
  expect(await cancelled.getByText('编辑').count()).toBe(0)
  await shot(leader, 'leader-live-cancelled')
  const mine = (await callAs('demo-mother', 'live', { action: 'list' })) as { upcoming: { id: string }[] }
  expect(mine.upcoming.map((l) => l.id)).not.toContain(toCancel)
}, 120_000)
