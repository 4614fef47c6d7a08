// Per-member write limits (exact counts, window edges to the millisecond) and request ids on every
// create (the same id from the same mother answers the same record; anything else creates anew).
import { main } from '../../cloudfunctions/content/index'
import { consumeRateLimit } from '../../server/collections/rate-limits'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-l-leader'
const MOTHER = 'o-l-mother'
const MOTHER_2 = 'o-l-mother-2'
const photo = (name: string) => `cloud://local-env.local-bucket/diary/${name}.jpg`
const HOUR_START = '2026-11-28T02:00:00.000Z'
const LAST_MS = '2026-11-28T02:59:59.999Z'
const NEXT_HOUR = '2026-11-28T03:00:00.000Z'

beforeAll(async () => {
  h = await startHarness(HOUR_START)
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  for (const openid of [MOTHER, MOTHER_2, 'o-l-asker', 'o-l-poster', 'o-l-liker']) await h.seedMember({ openid })
})
afterAll(async () => {
  await h.close()
})

describe('rate limits', () => {
  test('asking: 20 an hour; the 21st in the last millisecond of the hour is refused, the next hour admits again', async () => {
    const who = 'o-l-asker'
    h.setNow(HOUR_START)
    for (let i = 0; i < 20; i++) await h.ok(main, { action: 'ask', question: `第${i}个问题呀` }, who)
    h.setNow(LAST_MS)
    expect(await h.call(main, { action: 'ask', question: '第二十一个问题' }, who)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '提问太频繁了，每小时最多 20 次，请稍后再试' } })
    expect(await h.count('questions', { askedBy: who })).toBe(20)
    // another mother is not held by her counter
    expect(await h.ok(main, { action: 'ask', question: '别人的问题呀' }, MOTHER_2)).toHaveProperty('id')
    h.setNow(NEXT_HOUR)
    expect(await h.ok(main, { action: 'ask', question: '新的一小时问题' }, who)).toHaveProperty('id')
    expect(await h.count('questions', { askedBy: who })).toBe(21)
  })

  test('posting diaries: 20 an hour, refused with nothing stored', async () => {
    const who = 'o-l-poster'
    h.setNow(HOUR_START)
    for (let i = 0; i < 20; i++) await h.ok(main, { action: 'postDiary', text: `日记${i}`, photoFileID: photo(`p${i}`) }, who)
    h.setNow(LAST_MS)
    expect(await h.call(main, { action: 'postDiary', text: '多一条', photoFileID: photo('extra') }, who)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '发日记太频繁了，每小时最多 20 次，请稍后再试' } })
    expect(await h.count('diaries', { openid: who })).toBe(20)
    h.setNow(NEXT_HOUR)
    expect(await h.ok(main, { action: 'postDiary', text: '新的一小时', photoFileID: photo('next') }, who)).toHaveProperty('id')
  })

  test('liking: 120 an hour, a repeated tap spends a slot too', async () => {
    const who = 'o-l-liker'
    h.setNow(HOUR_START)
    const { id } = await h.ok<{ id: string }>(main, { action: 'postDiary', text: '点赞目标', photoFileID: photo('target') }, MOTHER)
    for (let i = 0; i < 120; i++) await h.ok(main, { action: 'like', id }, who)
    h.setNow(LAST_MS)
    expect(await h.call(main, { action: 'like', id }, who)).toEqual({ ok: false, error: { code: 'RATE_LIMITED', message: '点赞太频繁了，每小时最多 120 次，请稍后再试' } })
    h.setNow(NEXT_HOUR)
    expect(await h.ok(main, { action: 'like', id }, who)).toEqual({ liked: true, counted: false, likeCount: 1 })
  })

  test('parallel writes in a fresh window admit exactly the maximum, whoever creates the counter', async () => {
    const now = new Date('2026-11-28T05:00:00.000Z')
    const results = await Promise.allSettled(Array.from({ length: 24 }, () => consumeRateLimit(h.db, 'o-l-burst', 'content.ask', now)))
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(20)
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
    expect(refused.map((r) => (r.reason as { code: string }).code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED'])
    const counters = (await h.db.collection('rateLimits').where({ openid: 'o-l-burst' }).get()).data
    expect(counters).toHaveLength(1)
    expect(counters[0]).toMatchObject({ action: 'content.ask', count: 20 })
    expect(new Date(counters[0].windowStart).toISOString()).toBe('2026-11-28T05:00:00.000Z')
  })
})

describe('request ids on every create', () => {
  beforeAll(() => h.setNow('2026-11-28T08:00:00.000Z'))

  test('publishPost: the same id answers the first post and stores no second one', async () => {
    const first = await h.ok<{ id: string }>(main, { action: 'publishPost', title: '第一版', body: '正文', kind: 'tip', requestId: 'post-req-0001' }, LEADER)
    const again = await h.ok<{ id: string }>(main, { action: 'publishPost', title: '第二版', body: '正文', kind: 'tip', requestId: 'post-req-0001' }, LEADER)
    expect(again).toEqual(first)
    expect(await h.count('posts', { title: '第二版' })).toBe(0)
    const other = await h.ok<{ id: string }>(main, { action: 'publishPost', title: '第三版', body: '正文', kind: 'tip', requestId: 'post-req-0002' }, LEADER)
    expect(other.id).not.toBe(first.id)
    expect(await h.count('posts')).toBe(2)
  })

  test('ask: a retry answers the same question without spending a slot or a check', async () => {
    const first = await h.ok<{ id: string }>(main, { action: 'ask', question: '宝宝发烧怎么办', requestId: 'ask-req-0001' }, MOTHER)
    expect(await h.ok(main, { action: 'ask', question: '宝宝发烧怎么办', requestId: 'ask-req-0001' }, MOTHER)).toEqual(first)
    expect(await h.count('questions', { askedBy: MOTHER })).toBe(1)
    // the same request id from another mother is her own question
    const hers = await h.ok<{ id: string }>(main, { action: 'ask', question: '宝宝发烧怎么办', requestId: 'ask-req-0001' }, MOTHER_2)
    expect(hers.id).not.toBe(first.id)
    const two = await h.ok<{ id: string }>(main, { action: 'ask', question: '宝宝咳嗽怎么办', requestId: 'ask-req-0002' }, MOTHER)
    expect(two.id).not.toBe(first.id)
    expect(await h.count('questions', { askedBy: MOTHER })).toBe(2)
    // with her hour's questions used up, a retry of one already stored still answers it
    for (let i = 0; i < 18; i++) await h.ok(main, { action: 'ask', question: `凑满一小时${i}` }, MOTHER)
    expect(await h.call(main, { action: 'ask', question: '新问题新问题' }, MOTHER)).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    expect(await h.ok(main, { action: 'ask', question: '宝宝发烧怎么办', requestId: 'ask-req-0001' }, MOTHER)).toEqual(first)
  })

  test('postDiary: a retry answers the same diary; a new id a new one', async () => {
    const first = await h.ok<{ id: string }>(main, { action: 'postDiary', text: '重试', photoFileID: photo('r'), requestId: 'diary-req-0001' }, MOTHER_2)
    expect(await h.ok(main, { action: 'postDiary', text: '重试2', photoFileID: photo('r'), requestId: 'diary-req-0001' }, MOTHER_2)).toEqual(first)
    const second = await h.ok<{ id: string }>(main, { action: 'postDiary', text: '另一条', photoFileID: photo('s'), requestId: 'diary-req-0002' }, MOTHER_2)
    expect(second.id).not.toBe(first.id)
    expect((await h.db.collection('diaries').where({ openid: MOTHER_2 }).get()).data.map((d: { text: string }) => d.text).sort()).toEqual(['另一条', '重试'])
  })

  test('createContest: a retry answers the same contest', async () => {
    const data = { action: 'createContest', title: '重试活动', theme: '主题', deadline: '2026-12-05T00:00:00+08:00', requestId: 'contest-req-01' }
    const first = await h.ok<{ id: string }>(main, data, LEADER)
    expect(await h.ok(main, { ...data, title: '改了名' }, LEADER)).toEqual(first)
    expect(await h.count('contests')).toBe(1)
    expect((await h.ok<{ id: string }>(main, { ...data, requestId: 'contest-req-02' }, LEADER)).id).not.toBe(first.id)
    expect(await h.count('contests')).toBe(2)
  })
})

describe('contest deadlines', () => {
  test('a deadline 180 days ahead is accepted, one millisecond more is not; one millisecond ahead is accepted', async () => {
    const now = Date.now()
    const at = (ms: number) => new Date(now + ms).toISOString()
    const create = (deadline: string) => h.call(main, { action: 'createContest', title: '边界', theme: '主题', deadline }, LEADER)
    expect(await create(at(180 * 86400_000))).toMatchObject({ ok: true })
    expect(await create(at(180 * 86400_000 + 1))).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '截止时间最多设在 180 天以内' } })
    expect(await create(at(1))).toMatchObject({ ok: true })
  })
})
