import { main } from '../../cloudfunctions/member/index'
import { refreshTags } from '../../cloudfunctions/member/daily-tags'
import { startHarness, type Harness } from './harness'

let h: Harness
// more than a page of 100: the walk must go past its first page
const MOTHERS = Array.from({ length: 150 }, (_, i) => `o-t-${String(i).padStart(3, '0')}`)

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  // born six months ago today: the stage moves from 0–6 months to 6–12 months
  const grown = MOTHERS.map((openid) => ({
    _id: openid, status: 'member', roles: [], babyBirthDate: '2026-05-28', needs: [], tags: ['0-6月'], autoTags: ['0-6月'], manualTags: [],
  }))
  await h.db.collection('members').add({ data: grown })
  await h.seedMember({ openid: 'o-t-kept', babyBirthDate: '2026-05-28', tags: ['0-6月', 'KOC候选'], autoTags: ['0-6月'], manualTags: ['KOC候选'] })
  await h.seedMember({ openid: 'o-t-pending', status: 'pending', babyBirthDate: '2026-05-28', tags: ['0-6月'], autoTags: ['0-6月'] })
  await h.seedMember({ openid: 'o-t-signals', babyBirthDate: '2024-01-01', tags: [], autoTags: [], signals: { boughtCategories: ['辅食'], reportedAllergy: true } })
  await h.seedMember({ openid: 'o-t-same', babyBirthDate: '2024-01-01', needs: ['早产'], tags: ['1-3岁', '早产宝宝'], autoTags: ['1-3岁', '早产宝宝'] })
})
afterAll(async () => {
  await h.close()
})

test('the daily trigger moves every admitted member’s stage tags, on every page, keeping manual tags', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    expect(await h.timer(main, 'dailyTags')).toBeUndefined()
  } finally {
    log.mockRestore()
  }
  for (const openid of [MOTHERS[0], MOTHERS[99], MOTHERS[100], MOTHERS[149]]) {
    expect(await h.member(openid)).toMatchObject({ autoTags: ['6-12月', '辅食添加期'], tags: ['6-12月', '辅食添加期'] })
  }
  expect(await h.count('members', { tags: '6-12月' })).toBe(MOTHERS.length + 1)
  expect(await h.member('o-t-kept')).toMatchObject({ autoTags: ['6-12月', '辅食添加期'], tags: ['6-12月', '辅食添加期', 'KOC候选'], manualTags: ['KOC候选'] })
  expect(await h.member('o-t-signals')).toMatchObject({ tags: ['1-3岁', '辅食添加期', '敏感肌宝宝妈妈'] })
  // only admitted members are walked
  expect(await h.member('o-t-pending')).toMatchObject({ tags: ['0-6月'], autoTags: ['0-6月'] })
})

test('each member is read once and only changed records are written', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    const ctx = { db: h.db, now: () => new Date(), cloud: {} as never }
    // the first pass above already wrote everything: nothing left to change
    expect(await refreshTags(ctx)).toEqual({ scanned: MOTHERS.length + 3, changed: 0 })
    await h.db.collection('members').doc(MOTHERS[120]).update({ data: { tags: h.db.command.set(['0-6月']) } })
    await h.db.collection('members').doc('o-t-same').update({ data: { autoTags: h.db.command.set(['1-3岁']) } })
    expect(await refreshTags(ctx)).toEqual({ scanned: MOTHERS.length + 3, changed: 2 })
    expect(await h.member('o-t-same')).toMatchObject({ autoTags: ['1-3岁', '早产宝宝'] })
    expect(log).toHaveBeenCalledWith('daily tags: scanned 153, changed 2')
  } finally {
    log.mockRestore()
  }
})
