// The screens added with content corrections, closing contests, the readable export, the feeding
// guide and tags in use, walked by tapping as mothers and leaders would, on the demo a person sees
// after `npm start` (seed plus its photos and guide). Each step is photographed (.tmp/e2e-shots/,
// names start with `corr-`) and every console must stay clean.
import path from 'node:path'
import type { Locator, Page } from 'playwright-core'
import { popupOf, useE2E } from './support'
import { shot } from './shots'

/** Links mothers copied with 分享, kept for the friends who open them later. */
const links: Record<string, string> = {}

const e2e = useE2E({ demoMedia: true })
const { page: pageAs } = e2e

/** Back to the top of the page on screen (the page scrolls inside its own box, not the window). */
async function toTop(page: Page): Promise<void> {
  await page.locator('.dev-identity').filter({ visible: true }).scrollIntoViewIfNeeded()
}

/** To the end of the page on screen, as far as a swipe up goes. */
async function toEnd(page: Page): Promise<void> {
  await page.locator('.taro_page').filter({ visible: true }).last().evaluate((el) => el.scrollTo(0, el.scrollHeight))
}

/** The first screen a person reaches: the app's home. Everything after is a tap. */
async function start(page: Page): Promise<void> {
  await e2e.open(page, '/pages/index/index')
  await page.locator('.taro_page').getByText('亲亲宝贝 · 妈妈圈').waitFor()
}

async function tapTab(page: Page, label: '首页' | '晒娃' | '我的'): Promise<void> {
  await page.locator('.taro-tabbar__tabbar').getByText(label, { exact: true }).click()
}

/** The card holding `text` (a diary, a question, a contest…). */
function card(page: Page, text: string | RegExp): Locator {
  return page.locator('.ui-card').filter({ hasText: text, visible: true })
}

/** A diary card (it has a photo; the ranking above repeats the line without one). */
function diaryCard(page: Page, text: string): Locator {
  return page.locator('.ui-card:has(.c-photo)').filter({ hasText: text, visible: true })
}

/** Taro's confirm dialog: waits for it, photographs it, answers it. */
async function confirmModal(page: Page, title: string, shotName: string, answer: 'confirm' | 'cancel' = 'confirm'): Promise<void> {
  // one dialog element is reused; its box is the content (the wrapper has no size of its own)
  const dialog = page.locator('.taro-modal__content').filter({ hasText: title, visible: true })
  await dialog.waitFor()
  // fully faded in (its opacity is animated from 0)
  await page.waitForFunction(() => Array.from(document.querySelectorAll('.taro__modal')).some((m) => getComputedStyle(m).opacity === '1' && getComputedStyle(m).display !== 'none'))
  await shot(page, shotName)
  await dialog.locator(answer === 'confirm' ? '.taro-model__confirm' : '.taro-model__cancel').click()
  await dialog.waitFor({ state: 'hidden' })
}

/** Scrolls to each photo in turn and waits until it has painted (lazy images load on sight). */
async function everyPhotoPaints(photos: Locator): Promise<number> {
  const n = await photos.count()
  for (let i = 0; i < n; i++) {
    await photos.nth(i).scrollIntoViewIfNeeded()
    const img = photos.nth(i).locator('img')
    await img.waitFor({ state: 'attached', timeout: 15_000 })
    await img.page().waitForFunction((el) => (el as HTMLImageElement).complete && (el as HTMLImageElement).naturalWidth > 0, await img.elementHandle(), { timeout: 15_000 })
  }
  return n
}

/** What 分享 copied on H5 (Taro keeps the clipboard text in storage too). */
async function copiedLink(page: Page): Promise<string> {
  const raw = await page.evaluate(() => window.localStorage.getItem('taro_clipboard'))
  const text = raw ? (JSON.parse(raw) as { data: string }).data : ''
  const url = /https?:\/\/\S+/.exec(text)?.[0]
  if (!url) throw new Error(`no link in the copied text: ${text}`)
  return url
}

async function bottomAboveTabBar(page: Page, target: Locator): Promise<boolean> {
  const box = await target.boundingBox()
  const bar = await page.locator('.taro-tabbar__tabbar').boundingBox()
  return Boolean(box && bar && box.y + box.height <= bar.y)
}

test('晒娃: the demo photos paint; she posts a photo, corrects its line on the edit page and deletes it after a confirm', async () => {
  const mother = await pageAs('demo-mother')
  await start(mother)
  await tapTab(mother, '晒娃')
  await mother.getByText('第一次自己坐在澡盆里玩小黄鸭').waitFor()
  await shot(mother, 'corr-diary-feed')
  expect(await everyPhotoPaints(mother.locator('.c-photo'))).toBe(4)
  await toTop(mother)

  // ＋ → the form page → pick a photo from the album → a line → 发布 → back on the tab
  await mother.getByTestId('diary-compose').click()
  const composer = card(mother, '晒晒宝宝')
  const [chooser] = await Promise.all([mother.waitForEvent('filechooser'), composer.getByText('＋ 选择照片').click()])
  await chooser.setFiles(path.resolve(__dirname, '../../assets/demo/diary-sunny-walk.jpg'))
  await composer.locator('.c-photo img').waitFor()
  await composer.locator('textarea').fill('今天学会拍手啦')
  await shot(mother, 'corr-diary-compose-photo')
  await mother.getByTestId('diary-submit').click()
  const mine = card(mother, '今天学会拍手啦')
  await mine.waitFor()
  await mine.getByText('我的日记').waitFor()
  await everyPhotoPaints(mine.locator('.c-photo'))
  // only her own diaries carry 编辑 / 删除
  expect(await diaryCard(mother, '乐乐今天扶着沙发走了三步').getByTestId('owner-actions').count()).toBe(0)
  await mine.scrollIntoViewIfNeeded()
  await shot(mother, 'corr-diary-mine')

  // 编辑: a page with her photo and an editor holding her words
  await mine.getByText('编辑', { exact: true }).click()
  const editor = mother.locator('[data-testid^="edit-"]').filter({ visible: true })
  // the page fills the editor once it has mounted: wait for her words rather than read too early
  await mother.waitForFunction((text) => Array.from(document.querySelectorAll('textarea')).some((t) => t.value === text), '今天学会拍手啦')
  await editor.locator('textarea').fill('今天学会拍手啦，还会挥手说再见')
  await editor.getByText('15/200').waitFor()
  // 保存 and 取消 stand apart, whichever stylesheet the page loaded last (the page's own comes later
  // than the page on H5: wait for it to apply before measuring, up to the usual 10 s)
  const gap = async () => {
    const [save, cancel] = await Promise.all(['保存', '取消'].map((t) => editor.locator('.ui-button', { hasText: t }).boundingBox()))
    return save && cancel ? cancel.x - (save.x + save.width) : -1
  }
  for (let i = 0; i < 50 && (await gap()) < 6; i++) await mother.waitForTimeout(200)
  expect(await gap()).toBeGreaterThanOrEqual(6)
  await shot(mother, 'corr-diary-editing')
  await editor.getByText('保存', { exact: true }).click()
  const edited = card(mother, '今天学会拍手啦，还会挥手说再见')
  await edited.locator('.c-body').waitFor()
  expect(await edited.locator('textarea').count()).toBe(0)
  await shot(mother, 'corr-diary-edited')

  // 删除 asks first; 取消 keeps it, 删除 removes it for good (a reload agrees)
  await edited.getByText('删除', { exact: true }).click()
  await confirmModal(mother, '删除这条日记？', 'corr-diary-delete-confirm', 'cancel')
  await edited.waitFor()
  await edited.getByText('删除', { exact: true }).click()
  await confirmModal(mother, '删除这条日记？', 'corr-diary-delete-confirm', 'confirm')
  await edited.waitFor({ state: 'detached' })
  await mother.reload()
  await mother.getByText('第一次自己坐在澡盆里玩小黄鸭').waitFor()
  expect(await mother.getByText('今天学会拍手啦').count()).toBe(0)
  await shot(mother, 'corr-diary-deleted')
}, 120_000)

test('Q&A: her unanswered question can be reworded and withdrawn; an answered one cannot', async () => {
  const mother = await pageAs('demo-mother')
  await start(mother)
  await mother.getByTestId('qa-entry').click()
  await mother.getByText('向专家提问').waitFor()
  await card(mother, '向专家提问').locator('textarea').fill('宝宝晚上总醒怎么办')
  await mother.getByText('提交问题').click()
  // asking moves her to 我的提问, where it waits with her 编辑 / 删除
  const asked = card(mother, '宝宝晚上总醒怎么办')
  await asked.getByText('等待专家回答').waitFor()
  await asked.getByTestId('owner-actions').waitFor()
  expect(await card(mother, '可以吃蛋黄吗').getByTestId('owner-actions').count()).toBe(0)
  await shot(mother, 'corr-qa-mine')

  await asked.getByText('编辑', { exact: true }).click()
  await expect(asked.locator('textarea').inputValue()).resolves.toBe('宝宝晚上总醒怎么办')
  await asked.locator('textarea').fill('宝宝 8 个月，晚上总醒三四次怎么办')
  await shot(mother, 'corr-qa-editing')
  await asked.getByText('保存', { exact: true }).click()
  const reworded = card(mother, '宝宝 8 个月，晚上总醒三四次怎么办')
  await reworded.getByTestId('owner-actions').waitFor()
  await shot(mother, 'corr-qa-edited')

  await reworded.getByText('删除', { exact: true }).click()
  await confirmModal(mother, '删除这个问题？', 'corr-qa-delete-confirm')
  await reworded.waitFor({ state: 'detached' })
  await card(mother, '可以吃蛋黄吗').waitFor()
  await shot(mother, 'corr-qa-deleted')
}, 90_000)

test('a post shared by a mother opens first and marked for her friend, fetched by its id however old it is', async () => {
  const mother = await pageAs('demo-mother')
  await start(mother)
  for (const title of ['奶粉冲调的三个误区', '辅食第一口吃什么？']) {
    const post = card(mother, title)
    await post.scrollIntoViewIfNeeded()
    await post.locator('.c-share').click()
    await mother.getByText('链接已复制，粘贴给好友吧').waitFor()
    links[title] = await copiedLink(mother)
  }
  await shot(mother, 'corr-share-copied', { toast: true })

  // the oldest post: the friend's page asks for it by id and puts it above the newer ones
  const friend = await pageAs('demo-mother-2')
  const byId = friend.waitForResponse((r) => r.url().endsWith('/api/functions/content') && r.request().postDataJSON()?.action === 'post')
  await friend.goto(links['奶粉冲调的三个误区'])
  expect((await (await byId).json()).ok).toBe(true)
  const first = friend.locator('[data-testid=post-feed] .ui-card').first()
  await first.getByText('好友分享给你').waitFor()
  await first.getByText('奶粉冲调的三个误区').waitFor()
  expect(await friend.locator('[data-testid=post-feed]').getByText('奶粉冲调的三个误区').count()).toBe(1)
  await shot(friend, 'corr-share-opened')
}, 90_000)

test('a leader corrects a published post in the form and removes another after a confirm; its old link says so', async () => {
  const leader = await pageAs('demo-leader')
  await start(leader)
  await tapTab(leader, '我的')
  await leader.getByText('团长工作台').filter({ visible: true }).first().click()
  await leader.getByTestId('tool-publish').click()
  await leader.getByRole('tab', { name: '已发布' }).click()
  // (the leader's own home feed stays in the page, hidden)
  const feed = leader.getByTestId('post-feed').filter({ visible: true })
  await feed.getByText('奶粉冲调的三个误区').waitFor()
  // every post (targeted ones too) with its 编辑 / 删除
  expect(await feed.getByTestId('owner-actions').count()).toBe(await feed.locator('.ui-card').count())
  await everyPhotoPaints(feed.locator('.c-cover'))
  await toTop(leader)
  await shot(leader, 'corr-leader-published')

  const row = feed.locator(':scope > *').filter({ hasText: '奶粉冲调的三个误区' })
  await row.getByText('编辑', { exact: true }).click()
  const form = card(leader, '修改干货')
  await form.waitFor()
  const title = form.locator('input').first()
  await expect(title.inputValue()).resolves.toBe('奶粉冲调的三个误区')
  await title.fill('奶粉冲调的三个常见误区')
  await shot(leader, 'corr-leader-post-editing')
  await leader.getByTestId('post-save').click()
  await form.waitFor({ state: 'detached' })
  await feed.getByText('奶粉冲调的三个常见误区').waitFor()
  await shot(leader, 'corr-leader-post-edited')

  const doomed = feed.locator(':scope > *').filter({ hasText: '辅食第一口吃什么？' })
  await doomed.getByText('删除', { exact: true }).click()
  await confirmModal(leader, '删除这篇干货？', 'corr-leader-post-delete-confirm')
  await doomed.waitFor({ state: 'detached' })
  await shot(leader, 'corr-leader-post-deleted')

  // the mothers' feed follows; the link shared before the removal names what is gone
  const friend = await pageAs('demo-mother-2')
  await friend.goto(links['辅食第一口吃什么？'])
  await friend.getByText(/好友分享的「辅食第一口吃什么？」已经下架/).waitFor()
  await friend.getByText('奶粉冲调的三个常见误区').waitFor()
  expect(await friend.getByText('辅食第一口吃什么？', { exact: true }).count()).toBe(0)
  await shot(friend, 'corr-share-removed')
}, 120_000)

test('a contest closes with winners from other mothers\' likes, shown to the leader and in the mothers\' ranking', async () => {
  // 乐乐妈妈 and 糖糖妈妈 like 小雨妈妈's entry; 小雨妈妈 taps the heart on 乐乐妈妈's
  for (const openid of ['demo-mother-2', 'demo-mother-3']) {
    const res = await fetch(`${e2e.url}/api/functions/content`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify({ action: 'like', id: 'demo-diary-1' }) })
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true)
  }
  const mother = await pageAs('demo-mother')
  await start(mother)
  await tapTab(mother, '晒娃')
  await mother.getByRole('checkbox', { name: '🔥 宝宝的第一次' }).click()
  await mother.getByTestId('ranking').waitFor()
  const lele = diaryCard(mother, '乐乐今天扶着沙发走了三步')
  await lele.getByRole('button', { name: /点赞/ }).click()
  await lele.getByText('❤️ 1').waitFor()
  // the board above follows her heart
  const openBoard = card(mother, '宝宝的第一次 · 排行榜')
  await openBoard.getByTestId('ranking').locator('.c-rank').filter({ hasText: '乐乐妈妈' }).getByText('❤️ 1').waitFor()
  await toTop(mother)
  await shot(mother, 'corr-contest-open-ranking')

  const leader = await pageAs('demo-leader')
  await start(leader)
  await leader.getByText('团长工作台').filter({ visible: true }).first().click()
  await leader.getByTestId('tool-contests').click()
  const contest = card(leader, '晒出宝宝第一次翻身')
  await contest.getByText('进行中').waitFor()
  await contest.scrollIntoViewIfNeeded()
  await shot(leader, 'corr-leader-contest-open')
  await leader.getByTestId('close-demo-contest-1').click()
  await confirmModal(leader, '结束「宝宝的第一次」？', 'corr-leader-contest-close-confirm')
  const winners = contest.getByTestId('winners')
  await winners.getByText('🏆 小雨妈妈').waitFor()
  await contest.getByText('已公布获奖').waitFor()
  expect(await leader.getByTestId('close-demo-contest-1').count()).toBe(0)
  const places = await winners.locator('.c-rank .title').allInnerTexts()
  expect(places).toEqual(['🏆 小雨妈妈', '🏆 乐乐妈妈'])
  await winners.scrollIntoViewIfNeeded()
  await shot(leader, 'corr-leader-contest-winners')

  // the mother's ranking view now leads with the winners
  await mother.reload()
  await mother.getByRole('checkbox', { name: '🏆 宝宝的第一次' }).click()
  const board = card(mother, '宝宝的第一次 · 排行榜')
  await board.getByText('已结束并公布获奖').waitFor()
  await expect(board.getByTestId('winners').locator('.c-rank .title').allInnerTexts()).resolves.toEqual(['🏆 小雨妈妈', '🏆 乐乐妈妈'])
  await shot(mother, 'corr-contest-winners-mother')
}, 120_000)

test('我的数据: an export offers 打开可读版 and 下载数据文件 and says until when the links work', async () => {
  const mother = await pageAs('demo-mother')
  await start(mother)
  await tapTab(mother, '我的')
  await mother.getByText('导出我的数据').click()
  const result = mother.getByTestId('export-result')
  await result.waitFor()
  const note = await result.innerText()
  const until = /链接有效至 (\d{4})年(\d{1,2})月(\d{1,2})日 (\d{2}):(\d{2})/.exec(note)
  expect(until).not.toBeNull()
  // about a day from now (China time): what the links were granted
  const [, y, mo, d, h, mi] = (until as RegExpExecArray).map(Number)
  const hoursAhead = (Date.UTC(y, mo - 1, d, h - 8, mi) - Date.now()) / 3600_000
  expect(hoursAhead).toBeGreaterThan(23)
  expect(hoursAhead).toBeLessThanOrEqual(24)
  await mother.locator('.ui-button').filter({ hasText: '重新导出' }).waitFor()
  // scrolled to the end, the last button clears the tab bar
  const last = mother.locator('.ui-button').filter({ hasText: '注销账号' })
  await toEnd(mother)
  expect(await bottomAboveTabBar(mother, last)).toBe(true)
  await shot(mother, 'corr-me-export')

  // the readable page opens in the new tab as a page (not a download of summary.html), styled,
  // with no script allowed to run in it
  const readable = await popupOf(mother, () => result.getByText('打开可读版').click())
  expect(readable.type).toBe('text/html; charset=utf-8')
  const opened = readable.popup
  await opened.getByText('第一次自己坐在澡盆里玩小黄鸭').waitFor()
  expect(await opened.locator('h1').innerText()).toContain('小雨妈妈')
  expect(await opened.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 248, 245)')
  // her diary photo is a link (valid until the date the page states) that answers with the photo
  const href = await opened.getByText('查看照片').first().getAttribute('href')
  const photo = await fetch(String(href))
  expect([photo.status, photo.headers.get('content-type')]).toEqual([200, 'image/jpeg'])
  await shot(opened, 'corr-me-export-readable')
  await opened.close()

  const file = await popupOf(mother, () => result.getByText('下载数据文件').click())
  const data = JSON.parse(file.body.toString('utf8')) as { profile?: { nickname?: string } }
  expect(data.profile?.nickname).toBe('小雨妈妈')
  if (!file.popup.isClosed()) await file.popup.close()
}, 90_000)

test('the landing page offers the feeding guide, and its button opens the real PDF', async () => {
  const visitor = await pageAs('demo-visitor')
  await start(visitor)
  const guide = card(visitor, '免费领取')
  await guide.getByText('《0–3 岁科学喂养指南》').waitFor()
  const button = guide.getByText('免费查看指南')
  // the last card: swiped to the end, its button clears the tab bar
  await toEnd(visitor)
  expect(await bottomAboveTabBar(visitor, button)).toBe(true)
  await shot(visitor, 'corr-landing-guide')
  const pdf = await popupOf(visitor, () => button.click())
  expect(pdf.type).toMatch(/application\/pdf/)
  expect(pdf.body.subarray(0, 5).toString('latin1')).toBe('%PDF-')
  if (!pdf.popup.isClosed()) await pdf.popup.close()
}, 60_000)

test('the leader filters members by the tags in use, each with its count', async () => {
  const leader = await pageAs('demo-leader')
  await start(leader)
  await leader.getByText('团长工作台').filter({ visible: true }).first().click()
  await leader.getByTestId('tool-members').click()
  const chips = leader.getByTestId('tag-filter')
  // counts arrive from member.tagsInUse: the leaders' own tag is a filter too
  const candidate = chips.getByRole('checkbox', { name: /^体验官候选 \d+$/ })
  await candidate.waitFor()
  const count = Number(/(\d+)$/.exec(await candidate.innerText())?.[1])
  expect(count).toBeGreaterThan(0)
  await shot(leader, 'corr-leader-members-tags')
  await candidate.click()
  await leader.getByText(`共 ${count} 位`, { exact: false }).waitFor()
  await leader.getByText('小雨妈妈').first().waitFor()
  expect(await leader.getByText('乐乐妈妈').count()).toBe(0)
  await shot(leader, 'corr-leader-members-filtered')
}, 60_000)
