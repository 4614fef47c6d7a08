// Contests in process: likes that rank (never her own), closing with winners fixed once, and each
// winner's notice claimed once whatever the outcome of the send.
import { main } from '../../cloudfunctions/content/index'
import { TEMPLATE_IDS } from '../../domain/notifications'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-k-leader'
const LEADER_2 = 'o-k-leader-2'
const MOTHERS = ['o-k-m1', 'o-k-m2', 'o-k-m3', 'o-k-m4']
const NAMES = ['小雨妈妈', '豆豆妈妈', '果果妈妈', '乐乐妈妈']
const FANS = ['o-k-fan1', 'o-k-fan2', 'o-k-fan3', 'o-k-fan4']
const photo = (name: string) => `cloud://local-env.local-bucket/diary/${name}.jpg`

type Winner = { rank: number; diaryId: string; authorName: string; text: string; photoFileID: string; rankedLikes: number }
type Contest = { id: string; title: string; open: boolean; closedAt?: string; winners?: Winner[] }
type Notice = { _id: string; rank: number; diaryId: string; status: string; errCode?: number; kind: string; contestId: string }

const newContest = async (title: string) =>
  (await h.ok<{ id: string }>(main, { action: 'createContest', title, theme: '晒出宝宝的第一次', deadline: '2026-11-27T20:00:00+08:00' }, LEADER)).id
const enter = async (openid: string, contestId: string, text: string) => {
  const { id } = await h.ok<{ id: string }>(main, { action: 'postDiary', text, photoFileID: photo(text), contestId }, openid)
  h.advance(1000)
  return id
}
const likeBy = async (id: string, fans: readonly string[]) => {
  for (const fan of fans) await h.ok(main, { action: 'like', id }, fan)
}
const close = (contestId: string, by = LEADER) => h.call<{ contest: Contest }>(main, { action: 'closeContest', contestId }, by)
const notices = async (contestId: string) => ((await h.db.collection('notices').where({ contestId }).orderBy('rank', 'asc').get()).data as Notice[])

beforeAll(async () => {
  h = await startHarness('2026-11-20T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await h.seedMember({ openid: LEADER_2, roles: ['leader'], nickname: '李团长' })
  for (const [i, openid] of MOTHERS.entries()) await h.seedMember({ openid, nickname: NAMES[i] })
  for (const openid of FANS) await h.seedMember({ openid })
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterAll(async () => {
  jest.restoreAllMocks()
  await h.close()
})

describe('likes and the ranking', () => {
  let contestId = ''
  let mine = ''
  let hers = ''

  test('her like on her own entry counts in likeCount but never in the ranking', async () => {
    contestId = await newContest('自赞不算')
    mine = await enter(MOTHERS[0], contestId, '我的')
    hers = await enter(MOTHERS[1], contestId, '她的')
    expect(await h.ok(main, { action: 'like', id: mine }, MOTHERS[0])).toEqual({ liked: true, counted: true, likeCount: 1 })
    expect(await h.ok(main, { action: 'like', id: hers }, MOTHERS[0])).toEqual({ liked: true, counted: true, likeCount: 1 })
    const doc = async (id: string) => (await h.db.collection('diaries').doc(id).get()).data
    expect(await doc(mine)).toMatchObject({ likeCount: 1, rankedLikes: 0, likers: [MOTHERS[0]] })
    expect(await doc(hers)).toMatchObject({ likeCount: 1, rankedLikes: 1, likers: [MOTHERS[0]] })
    const ranking = await h.ok<{ items: Array<{ id: string; rank: number; likeCount: number; rankedLikes: number; likedByMe: boolean; mine: boolean }> }>(main, { action: 'ranking', contestId }, MOTHERS[0])
    expect(ranking.items.map((d) => [d.id, d.rank, d.likeCount, d.rankedLikes, d.likedByMe, d.mine])).toEqual([
      [hers, 1, 1, 1, true, false],
      [mine, 2, 1, 0, true, true],
    ])
  })

  test('a second like by the same mother is stored once and counted once', async () => {
    expect(await h.ok(main, { action: 'like', id: hers }, MOTHERS[0])).toEqual({ liked: true, counted: false, likeCount: 1 })
    expect(await h.count('likes', { diaryId: hers })).toBe(1)
    expect((await h.db.collection('diaries').doc(hers).get()).data).toMatchObject({ likeCount: 1, rankedLikes: 1 })
  })

  test('a like that lands while the diary is deleted leaves no record behind and says NOT_FOUND', async () => {
    const id = await enter(MOTHERS[2], contestId, '边删边赞')
    // the like reads the diary, then is held before it stores its record; the deletion lands between
    const read = h.barrier({ collection: 'diaries', action: 'get', count: 1 })
    const held = h.barrier({ collection: 'likes', action: 'add', count: 2 })
    const like = h.call(main, { action: 'like', id }, FANS[0])
    await read
    await new Promise((resolve) => setTimeout(resolve, 100))
    await h.db.collection('diaries').doc(id).remove()
    await h.db.collection('likes').add({ data: { _id: 'release', diaryId: 'none', openid: 'none' } })
    await held
    expect(await like).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '这条日记不存在或已被删除' } })
    expect(await h.count('likes', { diaryId: id })).toBe(0)
    await h.db.collection('likes').doc('release').remove()
  })
})

describe('closing announces the top three and tells each once', () => {
  let contestId = ''
  const ids: Record<string, string> = {}

  beforeAll(async () => {
    contestId = await newContest('第一次翻身')
    ids.a = await enter(MOTHERS[0], contestId, '翻身啦')
    ids.b = await enter(MOTHERS[1], contestId, '小牙')
    ids.c = await enter(MOTHERS[2], contestId, '学爬')
    ids.d = await enter(MOTHERS[3], contestId, '会笑')
    ids.a2 = await enter(MOTHERS[0], contestId, '又翻身') // her second entry: one place per mother
    // c 3, a 2 (+ her own like, which never ranks), a2 2, b 1, d 1 (later than b)
    await likeBy(ids.c, FANS.slice(0, 3))
    await likeBy(ids.a, FANS.slice(0, 2))
    await likeBy(ids.a, [MOTHERS[0]])
    await likeBy(ids.a2, FANS.slice(2, 4))
    await likeBy(ids.b, [FANS[0]])
    await likeBy(ids.d, [FANS[1]])
    await h.grantSubscription(MOTHERS[0], TEMPLATE_IDS.contestWinner)
    await h.grantSubscription(MOTHERS[1], TEMPLATE_IDS.contestWinner)
  })

  test('the winners: top three by likes from others, one place per mother, stored on the contest', async () => {
    const closedAt = new Date().toISOString()
    const { contest } = await h.ok<{ contest: Contest }>(main, { action: 'closeContest', contestId }, LEADER)
    const winners = [
      { rank: 1, diaryId: ids.c, authorName: '果果妈妈', text: '学爬', photoFileID: photo('学爬'), rankedLikes: 3 },
      { rank: 2, diaryId: ids.a, authorName: '小雨妈妈', text: '翻身啦', photoFileID: photo('翻身啦'), rankedLikes: 2 },
      { rank: 3, diaryId: ids.b, authorName: '豆豆妈妈', text: '小牙', photoFileID: photo('小牙'), rankedLikes: 1 },
    ]
    expect(contest).toMatchObject({ id: contestId, title: '第一次翻身', open: false, closedAt, winners })
    const stored = (await h.db.collection('contests').doc(contestId).get()).data
    expect(stored.winners).toEqual(winners)
    expect(new Date(stored.closedAt).toISOString()).toBe(closedAt)
  })

  test('a consenting winner gets one notice; one without consent is recorded refused, never an error', async () => {
    expect(await h.outbox(MOTHERS[0])).toEqual([
      expect.objectContaining({
        template_id: TEMPLATE_IDS.contestWinner,
        page: `pages/diary/index?contestId=${contestId}`,
        data: { thing1: { value: '第一次翻身' }, phrase2: { value: '第2名' }, thing3: { value: '恭喜获奖！团长会联系你领取奖品' }, date4: { value: '2026-11-20' } },
      }),
    ])
    expect((await h.outbox(MOTHERS[1])).map((m) => m.data.phrase2.value)).toEqual(['第3名'])
    expect(await h.outbox(MOTHERS[2])).toHaveLength(0)
    expect(await h.outbox(MOTHERS[3])).toHaveLength(0)
    const stored = await notices(contestId)
    expect(stored).toEqual([
      expect.objectContaining({ _id: `contestWinner_${contestId}_1`, kind: 'contestWinner', rank: 1, diaryId: ids.c, status: 'refused', errCode: 43101 }),
      expect.objectContaining({ _id: `contestWinner_${contestId}_2`, rank: 2, diaryId: ids.a, status: 'sent' }),
      expect.objectContaining({ _id: `contestWinner_${contestId}_3`, rank: 3, diaryId: ids.b, status: 'sent' }),
    ])
    expect(stored[1]).not.toHaveProperty('errCode')
    expect(console.warn).not.toHaveBeenCalledWith('contest winner notice not sent', expect.anything())
  })

  test('closing again answers the same winners and sends nothing more, even with consent now given', async () => {
    await h.grantSubscription(MOTHERS[2], TEMPLATE_IDS.contestWinner)
    await h.grantSubscription(MOTHERS[0], TEMPLATE_IDS.contestWinner)
    await likeBy(ids.d, [FANS[2], FANS[3], FANS[0]]) // d would now lead
    const before = (await h.ok<{ items: Contest[] }>(main, { action: 'contests' }, LEADER)).items.find((c) => c.id === contestId)
    h.advance(60_000)
    expect(await close(contestId, LEADER_2)).toEqual({ ok: true, data: { contest: before } })
    expect(await h.outbox(MOTHERS[0])).toHaveLength(1)
    expect(await h.outbox(MOTHERS[2])).toHaveLength(0)
    expect(await h.count('notices', { contestId })).toBe(3)
  })

  test('a closed contest takes no more entries, before its deadline too', async () => {
    expect(await h.call(main, { action: 'postDiary', text: '晚到', photoFileID: photo('late'), contestId }, MOTHERS[3])).toEqual({ ok: false, error: { code: 'CONFLICT', message: '活动已截止，不能再参加啦' } })
  })
})

test('a closing that stopped after storing its winners finishes on a retry: a deleted entry is skipped', async () => {
  const contestId = await newContest('中断后重试')
  const kept = await enter(MOTHERS[1], contestId, '留下')
  const gone = await enter(MOTHERS[2], contestId, '删掉')
  const closedAt = new Date('2026-11-21T09:00:00+08:00')
  const winner = (rank: number, diaryId: string, text: string) => ({ rank, diaryId, authorName: 'x', text, photoFileID: photo(text), rankedLikes: 1 })
  // stored by the first attempt (which then stopped): the winners are read back, not picked again
  await h.db.collection('contests').doc(contestId).update({ data: { closedAt, winners: [winner(1, gone, '删掉'), winner(2, kept, '留下')] } })
  await h.db.collection('diaries').doc(gone).remove()
  await h.grantSubscription(MOTHERS[1], TEMPLATE_IDS.contestWinner)
  const before = (await h.outbox(MOTHERS[1])).length
  const res = await h.ok<{ contest: Contest }>(main, { action: 'closeContest', contestId }, LEADER)
  expect(res.contest).toMatchObject({ closedAt: closedAt.toISOString(), open: false })
  expect(res.contest.winners?.map((w) => w.diaryId)).toEqual([gone, kept])
  const sent = await h.outbox(MOTHERS[1])
  expect(sent).toHaveLength(before + 1)
  // the notice carries the day the contest closed, not the day of the retry
  expect(sent[sent.length - 1].data).toMatchObject({ phrase2: { value: '第2名' }, date4: { value: '2026-11-21' } })
  expect((await notices(contestId)).map((n) => [n.rank, n.status])).toEqual([[1, 'skipped'], [2, 'sent']])
})

test('a send the platform refuses for another reason is recorded failed with its code, and warned about', async () => {
  const contestId = await newContest('发送失败')
  // an entry whose author link was cut: the platform refuses a message to nobody
  await h.db.collection('diaries').add({ data: { _id: 'd-k-nobody', openid: '', authorName: '已注销', text: '无主', photoFileID: photo('无主'), contestId, likeCount: 2, rankedLikes: 2, createdAt: new Date() } })
  const res = await h.ok<{ contest: Contest }>(main, { action: 'closeContest', contestId }, LEADER)
  expect(res.contest.winners?.map((w) => w.diaryId)).toEqual(['d-k-nobody'])
  const [notice] = await notices(contestId)
  expect(notice).toMatchObject({ status: 'failed', errCode: 40003 })
  expect(console.warn).toHaveBeenCalledWith('contest winner notice not sent', 40003)
})

test('two leaders closing at once store one result and each winner is told once', async () => {
  const contestId = await newContest('同时结束')
  const a = await enter(MOTHERS[0], contestId, '并发一')
  const b = await enter(MOTHERS[1], contestId, '并发二')
  await likeBy(a, FANS.slice(0, 2))
  await likeBy(b, [FANS[3]])
  await h.grantSubscription(MOTHERS[0], TEMPLATE_IDS.contestWinner, 2)
  await h.grantSubscription(MOTHERS[1], TEMPLATE_IDS.contestWinner, 2)
  const before = { a: (await h.outbox(MOTHERS[0])).length, b: (await h.outbox(MOTHERS[1])).length }
  const updates = h.barrier({ collection: 'contests', action: 'update', count: 2 })
  const [one, two] = await Promise.all([close(contestId, LEADER), close(contestId, LEADER_2)])
  await updates
  expect(one).toEqual(two)
  expect(one.ok && one.data.contest.winners?.map((w) => [w.rank, w.diaryId])).toEqual([[1, a], [2, b]])
  expect((await h.outbox(MOTHERS[0])).length - before.a).toBe(1)
  expect((await h.outbox(MOTHERS[1])).length - before.b).toBe(1)
  expect(await h.count('notices', { contestId })).toBe(2)
})

test('entries liked only by their authors win nothing; after the deadline a contest still closes', async () => {
  const contestId = await newContest('只有自赞')
  const own = await enter(MOTHERS[3], contestId, '自己赞自己')
  await likeBy(own, [MOTHERS[3]])
  h.setNow('2026-11-28T10:00:00+08:00')
  const res = await h.ok<{ contest: Contest }>(main, { action: 'closeContest', contestId }, LEADER)
  expect(res.contest).toMatchObject({ open: false, winners: [], closedAt: new Date().toISOString() })
  expect(await h.count('notices', { contestId })).toBe(0)
})

test('an unknown contest is NOT_FOUND; a member may not close one; nothing is written', async () => {
  expect(await close('no-such-contest')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '活动不存在或已被删除' } })
  h.setNow('2026-11-20T10:00:00+08:00')
  const contestId = await newContest('成员不能结束')
  expect(await h.call(main, { action: 'closeContest', contestId }, MOTHERS[0])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect((await h.db.collection('contests').doc(contestId).get()).data.closedAt).toBeUndefined()
})
