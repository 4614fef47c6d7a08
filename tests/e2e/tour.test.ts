// Every page of the app as mothers, leaders and customer service use it, in Chromium against the
// real H5 build and localcloud: each step is photographed (.tmp/e2e-shots/) and the console must
// stay clean. Photos must actually paint on the first load (the lazy-image bug left pink boxes).
import type { Page } from 'playwright-core'
import { useE2E } from './support'
import { shot, solidPng } from './shots'

let postId = ''

const e2e = useE2E({}, async (session) => {
  // a post with a cover and a diary with a photo, as a leader and a mother would make them
  const cover = await session.upload('demo-leader', 'covers/e2e-cover.png', solidPng(160, 90, [120, 180, 220]))
  postId = String((await session.call('demo-leader', 'content', { action: 'publishPost', title: '春天带宝宝出门的五件事', body: '防晒、补水、备一件薄外套、避开花粉多的时段、带上湿巾。', kind: 'tip', coverFileID: cover })).id)
  const photo = await session.upload('demo-mother', 'diary/e2e-photo.png', solidPng(120, 120, [250, 200, 120]))
  await session.call('demo-mother', 'content', { action: 'postDiary', text: '第一次自己扶着站起来啦', photoFileID: photo })
})
const { page: pageAs, open } = e2e

/** Waits until every photo in `selector` has painted: a loaded <img> with a natural size. */
async function photosPainted(page: Page, selector: string): Promise<number> {
  await page.waitForFunction(
    (sel) => {
      const imgs = Array.from(document.querySelectorAll<HTMLImageElement>(`${sel} img`))
      return imgs.length > 0 && imgs.every((i) => i.complete && i.naturalWidth > 0)
    },
    selector,
    { timeout: 15_000 },
  )
  return page.locator(`${selector} img`).count()
}

test('a member sees the feed with its cover photo painted on the first load, and the Q&A one tap away', async () => {
  const mother = await pageAs('demo-mother')
  await open(mother, '/pages/index/index')
  await mother.getByText('春天带宝宝出门的五件事').waitFor()
  expect(await photosPainted(mother, '.c-cover')).toBeGreaterThan(0)
  await shot(mother, 'member-home')
  await mother.getByTestId('qa-entry').click()
  await mother.getByText('向专家提问').waitFor()
  await shot(mother, 'member-qa')
}, 60_000)

test('a shared post opens first and marked; a visitor opening it lands on the landing page told what it was', async () => {
  const mother = await pageAs('demo-mother')
  await open(mother, `/pages/index/index?post=${postId}&t=${encodeURIComponent('春天带宝宝出门的五件事')}`)
  await mother.getByText('好友分享给你').waitFor()
  await shot(mother, 'member-home-shared')
  const visitor = await pageAs('demo-visitor')
  await open(visitor, `/pages/index/index?post=${postId}&t=${encodeURIComponent('春天带宝宝出门的五件事')}`)
  await visitor.getByText(/好友分享了干货「春天带宝宝出门的五件事」/).waitFor()
  // the landing's main button is on the first screen, above the tab bar
  const apply = visitor.getByText('申请加入妈妈圈').first()
  await apply.waitFor()
  const box = await apply.boundingBox()
  const tabBar = await visitor.locator('.taro-tabbar__tabbar').boundingBox()
  expect(box && tabBar && box.y + box.height <= tabBar.y).toBe(true)
  await shot(visitor, 'visitor-landing-shared')
}, 60_000)

test('the diary tab opens on the feed with photos painted; ＋ opens the form page and the words survive a reload', async () => {
  const mother = await pageAs('demo-mother')
  await open(mother, '/pages/diary/index')
  await mother.getByText('第一次自己扶着站起来啦').waitFor()
  expect(await photosPainted(mother, '.c-photo')).toBeGreaterThan(0)
  expect(await mother.getByText('晒晒宝宝').count()).toBe(0)
  await shot(mother, 'diary-feed')
  await mother.getByTestId('diary-compose').click()
  // a page of the forms subpackage
  await mother.locator('.ui-card').filter({ hasText: '晒晒宝宝', visible: true }).waitFor()
  expect(mother.url()).toContain('#/packages/forms/pages/diary-new/index')
  const box = mother.locator('textarea').filter({ visible: true })
  await box.fill('今天第一次吃南瓜泥')
  await mother.getByTestId('diary-text-count').filter({ visible: true }).getByText('9/200').waitFor()
  await shot(mother, 'diary-compose')
  await mother.reload()
  await expect(mother.locator('textarea').filter({ visible: true }).inputValue()).resolves.toBe('今天第一次吃南瓜泥')
}, 60_000)

test('outsiders meet a way in, not a dead end: the locked diary and Q&A offer to apply', async () => {
  const visitor = await pageAs('demo-visitor')
  await open(visitor, '/pages/diary/index')
  await visitor.getByText('晒娃日记仅对会员开放').waitFor()
  await visitor.getByTestId('members-only-apply').waitFor()
  await shot(visitor, 'visitor-diary-locked')
  await open(visitor, '/packages/forms/pages/qa/index')
  await visitor.getByText('专家答疑仅对会员开放').waitFor()
  expect(await visitor.getByText('重试').count()).toBe(0)
  await shot(visitor, 'visitor-qa-locked')
  await open(visitor, '/pages/me/index')
  await visitor.getByText('未加入').first().waitFor()
  await shot(visitor, 'visitor-me')
  await open(visitor, '/packages/forms/pages/apply/index')
  await visitor.locator('input[placeholder="例如：小雨妈妈"]').fill('半路妈妈')
  await visitor.getByTestId('field-nickname-count').getByText('4/20').waitFor()
  await shot(visitor, 'visitor-apply')
  // a reload keeps what she typed
  await visitor.reload()
  await expect(visitor.locator('input[placeholder="例如：小雨妈妈"]').inputValue()).resolves.toBe('半路妈妈')
}, 60_000)

test('修改申请信息 opens on her answers', async () => {
  const pending = await pageAs('demo-pending')
  await open(pending, '/pages/index/index')
  await pending.getByTestId('pending-note').waitFor()
  await shot(pending, 'pending-home')
  await pending.getByText('修改申请信息').click()
  await pending.getByText('修改申请信息').first().waitFor()
  await expect(pending.locator('input[placeholder="例如：小雨妈妈"]').inputValue()).resolves.toBe('豆豆妈妈')
  await expect(pending.locator('input[placeholder="例如：杭州"]').inputValue()).resolves.toBe('上海')
  await shot(pending, 'pending-apply-edit')
}, 60_000)

test('a leader reaches every tool from one 工作台 that shows what waits', async () => {
  const leader = await pageAs('demo-leader')
  await open(leader, '/pages/me/index')
  await leader.getByText('团长工作台').first().click()
  await leader.getByTestId('inbox-pending').waitFor()
  await expect(leader.getByTestId('inbox-pending').innerText()).resolves.toMatch(/^[1-9]\d*\s*待审核$/)
  await shot(leader, 'leader-home')
  const tools: [string, RegExp, string][] = [
    ['review', /待审核 \d+ 位/, 'leader-review'],
    ['answer', /问题都回答完啦|回答/, 'leader-answer'],
    ['publish', /发布干货/, 'leader-publish'],
    ['contests', /发起晒娃活动/, 'leader-contests'],
    ['members', /小雨妈妈/, 'leader-members'],
  ]
  for (const [key, landed, name] of tools) {
    await open(leader, '/packages/leader/pages/home/index')
    await leader.getByTestId(`tool-${key}`).click()
    await leader.getByText(landed).filter({ visible: true }).first().waitFor()
    await shot(leader, name)
  }
  // the back arrow WeChat gives, on H5 too
  await leader.locator('.taro-navigation-bar-back').click()
  await leader.getByTestId('inbox-pending').waitFor()
  expect(await leader.getByTestId('tool-roles').count()).toBe(0)
}, 120_000)

test('customer service has a home that says what her console holds; staff pages tell others 无权限 with a way back', async () => {
  const cs = await pageAs('demo-cs')
  await open(cs, '/pages/index/index')
  await cs.getByText('客服工作台').first().click()
  await cs.getByTestId('service-steps').waitFor()
  await shot(cs, 'service-home')
  const mother = await pageAs('demo-mother')
  await open(mother, '/packages/leader/pages/home/index')
  await mother.getByText('无权限').waitFor()
  await shot(mother, 'mother-denied')
  await mother.getByText('返回首页').click()
  await mother.getByText('欢迎回来，小雨妈妈').waitFor()
  const admin = await pageAs('demo-admin')
  await open(admin, '/packages/leader/pages/roles/index')
  await admin.getByText('角色管理').first().waitFor()
  await shot(admin, 'admin-roles')
  await open(admin, '/pages/me/index')
  await admin.getByText('团长工作台').first().waitFor()
  await shot(admin, 'admin-me')
}, 90_000)
