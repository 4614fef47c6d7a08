// content.closeContest: a leader closes a contest, the top 3 by likes from others are announced on
// the contest and the ranking, and each winner is told once (consent permitting).
import type { ContestView, RankedDiary } from '../../domain/content'
import { TEMPLATE_IDS } from '../../domain/notifications'
import { countOf, errorOf, LEADER, LEADER_2, MOTHER, MOTHER_2, photo, seedCast } from './content-helpers'
import { useCloud } from './support'

const MOTHER_3 = 'o-close-mother-3'
const MOTHER_4 = 'o-close-mother-4'
const FANS = ['o-fan-1', 'o-fan-2', 'o-fan-3', 'o-fan-4']

const cloud = useCloud(async () => {
  await seedCast(cloud)
  await cloud.seedMember({ openid: MOTHER_3, nickname: '果果妈妈' })
  await cloud.seedMember({ openid: MOTHER_4, nickname: '乐乐妈妈' })
  for (const openid of FANS) await cloud.seedMember({ openid })
  await cloud.setClock('2026-11-20T10:00:00+08:00')
})

const content = <T = unknown>(openid: string, data: Record<string, unknown>) => cloud.ok<T>('content', data, openid)
const newContest = async (title: string) =>
  (await content<{ id: string }>(LEADER, { action: 'createContest', title, theme: '晒出宝宝的第一次', deadline: '2026-11-27T20:00:00+08:00' })).id
const enter = async (openid: string, contestId: string, text: string) =>
  (await content<{ id: string }>(openid, { action: 'postDiary', text, photoFileID: photo(text), contestId })).id
const likeBy = async (id: string, fans: readonly string[]) => {
  for (const fan of fans) await content(fan, { action: 'like', id })
}
const close = (contestId: string, by = LEADER) => cloud.call<{ contest: ContestView }>('content', { action: 'closeContest', contestId }, by)
const notices = (contestId: string) => cloud.db.collection('notices').where({ contestId }).orderBy('rank', 'asc').get().then((r: { data: unknown[] }) => r.data)

describe('closing early announces the top three and tells each once', () => {
  let contestId = ''
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    contestId = await newContest('第一次翻身')
    ids.a = await enter(MOTHER, contestId, '翻身啦')
    await cloud.advanceClock(1000)
    ids.b = await enter(MOTHER_2, contestId, '小牙')
    await cloud.advanceClock(1000)
    ids.c = await enter(MOTHER_3, contestId, '学爬')
    await cloud.advanceClock(1000)
    ids.d = await enter(MOTHER_4, contestId, '会笑')
    await cloud.advanceClock(1000)
    ids.a2 = await enter(MOTHER, contestId, '又翻身') // her second entry: one place per mother
    // c 3, a 2 (+ her own like, which never ranks), a2 2, b 1, d 1 (later than b)
    await likeBy(ids.c, FANS.slice(0, 3))
    await likeBy(ids.a, FANS.slice(0, 2))
    await content(MOTHER, { action: 'like', id: ids.a })
    await likeBy(ids.a2, FANS.slice(2, 4))
    await likeBy(ids.b, [FANS[0]])
    await likeBy(ids.d, [FANS[1]])
    // only the second and third place consented to a notice
    await cloud.grantSubscription(MOTHER, TEMPLATE_IDS.contestWinner)
    await cloud.grantSubscription(MOTHER_2, TEMPLATE_IDS.contestWinner)
  })

  test('the winners are the top three by likes from others, one place per mother, stored on the contest', async () => {
    const { contest } = await content<{ contest: ContestView }>(LEADER, { action: 'closeContest', contestId })
    expect(contest).toMatchObject({ id: contestId, open: false, closedAt: expect.stringMatching(/^2026-11-20T02:00/) })
    expect(contest.winners).toEqual([
      { rank: 1, diaryId: ids.c, authorName: '果果妈妈', text: '学爬', photoFileID: photo('学爬'), rankedLikes: 3 },
      { rank: 2, diaryId: ids.a, authorName: '小雨妈妈', text: '翻身啦', photoFileID: photo('翻身啦'), rankedLikes: 2 },
      { rank: 3, diaryId: ids.b, authorName: '豆豆妈妈', text: '小牙', photoFileID: photo('小牙'), rankedLikes: 1 },
    ])
    expect(JSON.stringify(contest)).not.toMatch(/o-close|o-content/)
  })

  test('everyone sees the winners on the contest list and the ranking', async () => {
    const list = await content<{ items: ContestView[] }>(MOTHER_4, { action: 'contests' })
    const seen = list.items.find((c) => c.id === contestId)
    expect(seen?.winners?.map((w) => w.diaryId)).toEqual([ids.c, ids.a, ids.b])
    const ranking = await content<{ contest: ContestView; items: RankedDiary[] }>(MOTHER_4, { action: 'ranking', contestId })
    expect(ranking.contest.winners?.map((w) => w.rank)).toEqual([1, 2, 3])
    expect(ranking.contest.open).toBe(false)
  })

  test('a winner who consented gets one notice; one who did not is recorded as refused, never an error', async () => {
    const toMother = await cloud.outbox(MOTHER)
    expect(toMother).toEqual([
      expect.objectContaining({
        template_id: TEMPLATE_IDS.contestWinner,
        page: `pages/diary/index?contestId=${contestId}`,
        data: { thing1: { value: '第一次翻身' }, phrase2: { value: '第2名' }, thing3: { value: '恭喜获奖！团长会联系你领取奖品' }, date4: { value: '2026-11-20' } },
      }),
    ])
    expect(await cloud.outbox(MOTHER_2)).toHaveLength(1)
    expect(await cloud.outbox(MOTHER_3)).toHaveLength(0)
    expect(await cloud.outbox(MOTHER_4)).toHaveLength(0) // fourth: no prize
    expect(await notices(contestId)).toEqual([
      expect.objectContaining({ rank: 1, diaryId: ids.c, status: 'refused', errCode: 43101 }),
      expect.objectContaining({ rank: 2, diaryId: ids.a, status: 'sent' }),
      expect.objectContaining({ rank: 3, diaryId: ids.b, status: 'sent' }),
    ])
  })

  test('closing again answers the same winners and sends nothing more, even with consent now given', async () => {
    await cloud.grantSubscription(MOTHER, TEMPLATE_IDS.contestWinner)
    await cloud.grantSubscription(MOTHER_3, TEMPLATE_IDS.contestWinner)
    await likeBy(ids.d, [FANS[2], FANS[3], FANS[0]]) // d would now lead
    const first = (await content<{ items: ContestView[] }>(LEADER, { action: 'contests' })).items.find((c) => c.id === contestId)
    const again = await close(contestId, LEADER_2)
    expect(again).toEqual({ ok: true, data: { contest: first } })
    expect(await cloud.outbox(MOTHER)).toHaveLength(1)
    expect(await cloud.outbox(MOTHER_3)).toHaveLength(0)
    expect(await countOf(cloud, 'notices', { contestId })).toBe(3)
  })

  test('a closed contest takes no more entries', async () => {
    const err = errorOf(await cloud.call('content', { action: 'postDiary', text: '晚到', photoFileID: photo('late'), contestId }, MOTHER_4))
    expect(err).toEqual({ code: 'CONFLICT', message: '活动已截止，不能再参加啦' })
  })
})

test('two leaders closing at once store one result and each winner is told once', async () => {
  const contestId = await newContest('同时结束')
  const a = await enter(MOTHER, contestId, '并发一')
  const b = await enter(MOTHER_2, contestId, '并发二')
  await likeBy(a, FANS.slice(0, 2))
  await likeBy(b, [FANS[3]])
  await cloud.grantSubscription(MOTHER, TEMPLATE_IDS.contestWinner, 2)
  await cloud.grantSubscription(MOTHER_2, TEMPLATE_IDS.contestWinner, 2)
  const before = { a: (await cloud.outbox(MOTHER)).length, b: (await cloud.outbox(MOTHER_2)).length }
  // both read the contest open before either writes, then both try to close it
  const reads = cloud.barrier({ collection: 'contests', action: 'get', count: 2 })
  const closes = cloud.barrier({ collection: 'contests', action: 'update', count: 2 })
  const [one, two] = await Promise.all([close(contestId, LEADER), close(contestId, LEADER_2)])
  await Promise.all([reads, closes])
  expect(one).toEqual(two)
  expect(one.ok && one.data.contest.winners?.map((w) => [w.rank, w.diaryId])).toEqual([[1, a], [2, b]])
  expect((await cloud.outbox(MOTHER)).length - before.a).toBe(1)
  expect((await cloud.outbox(MOTHER_2)).length - before.b).toBe(1)
  expect(await countOf(cloud, 'notices', { contestId })).toBe(2)
})

test('a contest nobody liked closes with no winners; after the deadline it can still be closed', async () => {
  const contestId = await newContest('没人点赞')
  await enter(MOTHER, contestId, '无人问津')
  await cloud.advanceClock(8 * 86400_000)
  const res = await content<{ contest: ContestView }>(LEADER, { action: 'closeContest', contestId })
  expect(res.contest).toMatchObject({ open: false, winners: [] })
  expect(await countOf(cloud, 'notices', { contestId })).toBe(0)
})

test('an unknown contest is NOT_FOUND; a malformed id BAD_INPUT; a member FORBIDDEN; nothing is written', async () => {
  expect(errorOf(await close('no-such-contest')).code).toBe('NOT_FOUND')
  expect(errorOf(await cloud.call('content', { action: 'closeContest' }, LEADER)).code).toBe('BAD_INPUT')
  expect(errorOf(await cloud.call('content', { action: 'closeContest', contestId: { $ne: '' } }, LEADER)).code).toBe('BAD_INPUT')
  await cloud.setClock('2026-11-20T10:00:00+08:00')
  const contestId = await newContest('成员不能结束')
  expect(errorOf(await cloud.call('content', { action: 'closeContest', contestId }, MOTHER)).code).toBe('FORBIDDEN')
  expect((await cloud.db.collection('contests').doc(contestId).get()).data.closedAt).toBeUndefined()
})
