// A mother applies in the browser, a leader admits her from the review queue, and she is welcomed.
// Everything real: the H5 build, the wx.cloud stand-in, localcloud, the function bundles, Chromium.
import { useE2E } from './support'
import { shot } from './shots'

const e2e = useE2E()
const { open } = e2e

test('apply → review → welcome', async () => {
  const mother = await e2e.page('e2e-mother')
  await open(mother, '/packages/forms/pages/apply/index')
  await mother.locator('input[placeholder="例如：小雨妈妈"]').fill('测试妈妈')

  // an unticked consent blocks the submit with a clear message, and nothing is sent
  await mother.getByText('提交申请').click()
  await mother.getByText(/还有 \d+ 处需要完善/).waitFor()

  await mother.locator('.m-picker').click()
  await mother.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
  await mother.getByText('过敏体质').click()
  await mother.locator('input[placeholder="11 位手机号"]').fill('13812341234')
  await mother.getByRole('checkbox', { name: '同意个人信息收集说明' }).click()
  await mother.getByText('提交申请').click()

  await shot(mother, 'apply-filled')
  await mother.getByText('申请已提交').waitFor()
  await mother.getByText('好的').click()
  await mother.getByTestId('pending-note').waitFor()

  const leader = await e2e.page('demo-leader')
  await open(leader, '/packages/leader/pages/review/index')
  const card = leader.getByTestId('applicant-e2e-mother')
  await card.waitFor()
  // the leader sees the phone masked, never whole
  await card.getByText('138****1234').waitFor()
  expect(await leader.content()).not.toContain('13812341234')
  await shot(leader, 'review-queue')
  await card.getByText('通过', { exact: true }).click()
  await card.waitFor({ state: 'detached' })

  // the queue drops the card as soon as she taps; the decision may land a moment later
  let welcomed = false
  for (let attempt = 0; attempt < 10 && !welcomed; attempt++) {
    await mother.reload()
    await mother.getByText(/欢迎回来|审核/).first().waitFor()
    welcomed = (await mother.getByText('欢迎回来，测试妈妈').count()) === 1
    if (!welcomed) await mother.waitForTimeout(500)
  }
  expect(welcomed).toBe(true)
  await expect(mother.getByTestId('pending-note').count()).resolves.toBe(0)
  await shot(mother, 'welcomed')
}, 90_000)

test('an old link to the apply page (from before the forms moved to their subpackage) opens the form', async () => {
  const visitor = await e2e.page('demo-visitor')
  await open(visitor, '/pages/apply/index')
  await visitor.getByText('提交申请').waitFor()
  expect(visitor.url()).toContain('#/packages/forms/pages/apply/index')
  await shot(visitor, 'apply-old-link')
}, 60_000)

test('the identity picker switches who the app acts as', async () => {
  const page = await e2e.page('demo-mother')
  await open(page, '/pages/me/index')
  await page.getByText('正式会员').first().waitFor()
  await page.getByTestId('identity-picker').getByText(/▾/).click()
  await page.getByRole('menuitem', { name: '访客（未申请）' }).click()
  await page.waitForLoadState('load')
  await page.getByText('未加入').first().waitFor()
}, 60_000)
