// member.review in process: two leaders deciding at once (one wins), and the texts a decision
// carries (her note, the tags) passing the content check before anything is written.
import { main } from '../../cloudfunctions/member/index'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-rr-leader'
const LEADER_2 = 'o-rr-leader-2'

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'] })
  await h.seedMember({ openid: LEADER_2, roles: ['leader'] })
  jest.spyOn(console, 'warn').mockImplementation(() => undefined) // no subscription: the notice is not sent
})
afterAll(async () => {
  jest.restoreAllMocks()
  await h.close()
})

const applicant = (openid: string) => h.seedMember({ openid, status: 'pending', autoTags: ['0-6月'], manualTags: [], tags: ['0-6月'] })

test('two leaders deciding at once: exactly one decision lands, the other is told it was just taken', async () => {
  await applicant('o-rr-a')
  // both have read her pending record; their conditional updates arrive together
  const updates = h.barrier({ collection: 'members', action: 'update', count: 2 })
  const [approve, reject] = await Promise.all([
    h.call(main, { action: 'review', openid: 'o-rr-a', decision: 'approve', tags: ['种子用户'] }, LEADER),
    h.call(main, { action: 'review', openid: 'o-rr-a', decision: 'reject', note: '资料不全' }, LEADER_2),
  ])
  await updates
  const answers = [approve, reject]
  expect(answers.filter((r) => !r.ok)).toEqual([{ ok: false, error: { code: 'CONFLICT', message: '这份申请刚刚已被其他团长处理' } }])
  const rec = await h.member('o-rr-a')
  if (approve.ok) expect(rec).toMatchObject({ status: 'member', reviewedBy: LEADER, manualTags: ['种子用户'] })
  else expect(rec).toMatchObject({ status: 'rejected', reviewedBy: LEADER_2, reviewNote: '资料不全', manualTags: [] })
  expect((rec as unknown as { revision: number }).revision).toBe(1)
})

test('a note or a tag that fails the content check stops the decision; nothing is written', async () => {
  await applicant('o-rr-b')
  expect(await h.call(main, { action: 'review', openid: 'o-rr-b', decision: 'reject', note: '加微信返现' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  expect(await h.call(main, { action: 'review', openid: 'o-rr-b', decision: 'approve', tags: ['好妈妈', '赌博'] }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  const rec = await h.member('o-rr-b')
  expect(rec).toMatchObject({ status: 'pending', manualTags: [], tags: ['0-6月'] })
  expect(rec).not.toHaveProperty('reviewedBy')
  // only the approval in the race above has named a tag
  expect((await h.db.collection('settings').doc('tagNames').get()).data.manual).toEqual(['种子用户'])
})

test('a tag the rules already give her stays automatic; only the others become manual and are named', async () => {
  await applicant('o-rr-c')
  expect(await h.ok(main, { action: 'review', openid: 'o-rr-c', decision: 'approve', tags: ['0-6月', '爱分享'] }, LEADER)).toEqual({ status: 'member' })
  expect(await h.member('o-rr-c')).toMatchObject({ status: 'member', autoTags: ['0-6月'], manualTags: ['爱分享'], tags: ['0-6月', '爱分享'] })
  expect((await h.db.collection('settings').doc('tagNames').get()).data.manual).toEqual(['种子用户', '爱分享'])
})

test('a rejection names no tags, whatever tags came with it', async () => {
  await applicant('o-rr-d')
  await h.ok(main, { action: 'review', openid: 'o-rr-d', decision: 'reject', tags: ['不该记名'] }, LEADER)
  expect((await h.db.collection('settings').doc('tagNames').get()).data.manual).toEqual(['种子用户', '爱分享'])
  expect(await h.member('o-rr-d')).toMatchObject({ status: 'rejected', manualTags: [], tags: ['0-6月'] })
})
