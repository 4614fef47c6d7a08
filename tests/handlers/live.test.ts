import { main } from '../../cloudfunctions/live/index'
import { main as memberMain } from '../../cloudfunctions/member/index'
import { TEMPLATE_IDS } from '../../domain/notifications'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-l-leader'
const MOTHER = 'o-l-mother' // 0-6月
const MOTHER_2 = 'o-l-mother-2' // 1-3岁
const MOTHER_3 = 'o-l-mother-3' // 0-6月, gives consent on our side only
const MOTHER_4 = 'o-l-mother-4' // 0-6月, for the answers of 提醒我 alone
const PENDING = 'o-l-pending'
const VISITOR = 'o-l-visitor'
const file = (name: string) => `cloud://local-env.local-bucket/live/${name}.jpg`
const ANNOUNCE = TEMPLATE_IDS.liveAnnounce
const REMINDER = TEMPLATE_IDS.liveReminder

type Live = { id: string; title: string; phase: string; startAt: string; products: { name: string; chainId?: string; priceFen: null; remaining: null }[]; evidence: unknown[]; remindable: boolean; replayUrl?: string; highlights?: string[] }
type Page<T> = { items: T[]; total: number }
type Q = { id: string; question: string; state: string; answer?: string; mine: boolean; askerName?: string }

const START = '2026-12-01T20:00:00+08:00'
let seq = 0
const rid = () => `req-live-${String(++seq).padStart(6, '0')}`

function liveInput(extra: Record<string, unknown> = {}) {
  return {
    action: 'create',
    title: '新西兰牧场直播',
    host: { name: '王团长', photoFileID: file('host'), intro: '十年母婴买手' },
    scene: 'ranch',
    startAt: START,
    products: [{ name: 'A2 奶粉 1 段', chainId: 'chain-1' }, { name: '羊奶粉' }],
    coverFileID: file('cover'),
    evidence: [{ kind: 'customs', title: '报关单', fileID: file('customs') }, { kind: 'quality', title: '质检报告' }],
    requestId: rid(),
    ...extra,
  }
}

const timer = async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    return await h.timer(main, 'liveNotices')
  } finally {
    log.mockRestore()
  }
}
const credits = async (openid: string, templateId: string) => {
  const res = await h.db.collection('consents').where({ openid, templateId }).get()
  return (res.data[0]?.credits as number | undefined) ?? 0
}
const notices = async (where: Record<string, unknown>) => (await h.db.collection('liveNotices').where(where).get()).data as Array<Record<string, unknown>>

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await h.seedMember({ openid: MOTHER, tags: ['0-6月'], nickname: '小雨妈妈' })
  await h.seedMember({ openid: MOTHER_2, tags: ['1-3岁'], nickname: '豆豆妈妈' })
  await h.seedMember({ openid: MOTHER_3, tags: ['0-6月'], nickname: '乐乐妈妈' })
  await h.seedMember({ openid: MOTHER_4, tags: ['0-6月'], nickname: '果果妈妈' })
  await h.seedMember({ openid: PENDING, status: 'pending' })
})
afterAll(async () => {
  await h.close()
})

describe('creating and reading lives', () => {
  test('a leader creates a live; the same requestId answers the same live; products answer price and quota as absent', async () => {
    const input = liveInput({ title: '保税仓直播', scene: 'bonded' })
    const { id } = await h.ok<{ id: string }>(main, input, LEADER)
    expect(await h.ok(main, input, LEADER)).toEqual({ id })
    const live = await h.ok<Live>(main, { action: 'get', id }, MOTHER)
    expect(live).toMatchObject({ title: '保税仓直播', phase: 'upcoming', remindable: true, startAt: new Date(START).toISOString() })
    expect(live.products).toEqual([{ name: 'A2 奶粉 1 段', chainId: 'chain-1', priceFen: null, remaining: null }, { name: '羊奶粉', priceFen: null, remaining: null }])
    const stored = (await h.db.collection('lives').doc(id).get()).data
    expect(stored).toMatchObject({ announcePending: true, reminderPending: true, status: 'scheduled', createdBy: LEADER })
    expect(new Date(stored.reminderAt).toISOString()).toBe(new Date(Date.parse(START) - 10 * 60_000).toISOString())
  })

  test('bad input is BAD_INPUT and stores nothing; a start in the past too', async () => {
    const before = await h.count('lives')
    for (const bad of [liveInput({ scene: '海边' }), liveInput({ startAt: 'tomorrow' }), liveInput({ evidence: [{ kind: 'photo', title: 'x' }] }), liveInput({ startAt: '2026-11-27T20:00:00+08:00' }), liveInput({ finderUserName: 'abc' })]) {
      const env = await h.call(main, bad, LEADER)
      expect(env).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(await h.count('lives')).toBe(before)
  })

  test('outsiders get the same denial for staff actions whatever they send; a mother is FORBIDDEN', async () => {
    for (const data of [liveInput(), { action: 'create', nonsense: 1 }, { action: 'curate', id: 'x', to: 'hidden' }, { action: 'questions' }]) {
      for (const who of [VISITOR, PENDING]) expect(await h.call(main, data, who)).toEqual({ ok: false, error: { code: 'NOT_MEMBER', message: expect.any(String) } })
      expect(await h.call(main, data, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
  })

  test('visitors see nothing; members see lives for their tags; staff see all', async () => {
    const { id } = await h.ok<{ id: string }>(main, liveInput({ title: '只给 1-3 岁', targetTags: ['1-3岁'] }), LEADER)
    expect(await h.call(main, { action: 'list' }, VISITOR)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    const titles = async (who: string) => (await h.ok<{ upcoming: Live[] }>(main, { action: 'list' }, who)).upcoming.map((l) => l.title)
    expect(await titles(MOTHER)).not.toContain('只给 1-3 岁')
    expect(await titles(MOTHER_2)).toContain('只给 1-3 岁')
    expect(await titles(LEADER)).toContain('只给 1-3 岁')
    expect(await h.call(main, { action: 'get', id }, MOTHER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    await h.ok(main, { action: 'cancel', id }, LEADER)
    expect(await titles(MOTHER_2)).not.toContain('只给 1-3 岁')
  })
})

describe('the leaders\' console', () => {
  test('byStatus lists every live in one status, cancelled ones too; scheduled soonest first, the others latest first; members are refused', async () => {
    const later = await h.ok<{ id: string }>(main, liveInput({ title: '控制台-后一场', startAt: '2026-12-05T20:00:00+08:00' }), LEADER)
    const sooner = await h.ok<{ id: string }>(main, liveInput({ title: '控制台-前一场', startAt: '2026-11-30T20:00:00+08:00' }), LEADER)
    const gone1 = await h.ok<{ id: string }>(main, liveInput({ title: '控制台-取消甲', startAt: '2026-12-02T20:00:00+08:00', targetTags: ['1-3岁'] }), LEADER)
    const gone2 = await h.ok<{ id: string }>(main, liveInput({ title: '控制台-取消乙', startAt: '2026-12-03T20:00:00+08:00' }), LEADER)
    await h.ok(main, { action: 'cancel', id: gone1.id }, LEADER)
    await h.ok(main, { action: 'cancel', id: gone2.id }, LEADER)

    const page = (status: string, extra: Record<string, unknown> = {}) => h.ok<Page<Live>>(main, { action: 'byStatus', status, ...extra }, LEADER)
    const scheduled = (await page('scheduled', { pageSize: 50 })).items.filter((l) => l.title.startsWith('控制台-'))
    expect(scheduled.map((l) => l.id)).toEqual([sooner.id, later.id])
    const cancelled = await page('cancelled', { pageSize: 50 })
    const mine = cancelled.items.filter((l) => l.title.startsWith('控制台-'))
    expect(mine.map((l) => [l.id, l.phase])).toEqual([[gone2.id, 'cancelled'], [gone1.id, 'cancelled']])
    expect(cancelled.total).toBe(cancelled.items.length)
    // paged: one at a time, the total still counts them all
    const first = await page('cancelled', { page: 1, pageSize: 1 })
    expect(first.items).toHaveLength(1)
    expect(first.total).toBe(cancelled.total)

    expect(await h.call(main, { action: 'byStatus', status: 'scheduled' }, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call(main, { action: 'byStatus', status: 'scheduled' }, VISITOR)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    expect(await h.call(main, { action: 'byStatus', status: 'gone' }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})

describe('announcement and reminder', () => {
  let liveId = ''
  const start = Date.parse(START)

  beforeAll(async () => {
    // the announcements of the lives created so far go out to nobody (no consent yet)
    await timer()
    const { id: earlier } = await h.ok<{ id: string }>(main, liveInput({ title: '上一场' }), LEADER)
    // on an earlier live, the mothers accepted the announcement template (the platform counted it too)
    for (const m of [MOTHER, MOTHER_2]) {
      await h.grantSubscription(m, ANNOUNCE)
      await h.ok(main, { action: 'remind', liveId: earlier, accepted: ['announce'], requestId: rid() }, m)
    }
    await timer() // the earlier live's own announcement: both mothers spend their one consent on it
    for (const m of [MOTHER, MOTHER_2]) {
      await h.grantSubscription(m, ANNOUNCE)
      await h.ok(main, { action: 'remind', liveId: earlier, accepted: ['announce'], requestId: rid() }, m)
    }
    liveId = (await h.ok<{ id: string }>(main, liveInput({ title: '0-6 月专场', targetTags: ['0-6月'] }), LEADER)).id
  })

  test('consent accounting: one credit per accept; the same requestId again counts nothing', async () => {
    expect(await credits(MOTHER, ANNOUNCE)).toBe(1)
    const requestId = rid()
    const first = await h.ok<{ credits: { announce: number } }>(main, { action: 'remind', liveId, accepted: ['announce'], requestId }, MOTHER_3)
    const again = await h.ok<{ credits: { announce: number } }>(main, { action: 'remind', liveId, accepted: ['announce'], requestId }, MOTHER_3)
    expect([first.credits.announce, again.credits.announce]).toEqual([1, 1])
    expect(await credits(MOTHER_3, ANNOUNCE)).toBe(1)
  })

  test('提醒我 answers both counts; accepting the announcement alone signs her up for no reminder; the preview says whether she is signed up', async () => {
    const signups = async () => (await h.db.collection('liveReminders').where({ openid: MOTHER_4 }).get()).data
    const reminded = async () => (await h.ok<{ reminded: boolean }>(main, { action: 'get', id: liveId }, MOTHER_4)).reminded
    const first = await h.ok(main, { action: 'remind', liveId, accepted: ['announce'], requestId: rid() }, MOTHER_4)
    expect(first).toEqual({ reminded: false, credits: { reminder: 0, announce: 1 } })
    expect(await signups()).toEqual([])
    expect(await reminded()).toBe(false)
    // the count she did not accept this time is read back, not reported as 0
    const second = await h.ok(main, { action: 'remind', liveId, accepted: ['reminder'], requestId: rid() }, MOTHER_4)
    expect(second).toEqual({ reminded: true, credits: { reminder: 1, announce: 1 } })
    const [signup] = await signups()
    expect(signup).toMatchObject({ liveId, openid: MOTHER_4 })
    // the preview says so to her, on any device, and to nobody else
    expect(await reminded()).toBe(true)
    expect((await h.ok<{ reminded: boolean }>(main, { action: 'get', id: liveId }, MOTHER)).reminded).toBe(false)
    // a second tap counts a second consent and keeps her one signup as it was
    await h.ok(main, { action: 'remind', liveId, accepted: ['reminder', 'announce'], requestId: rid() }, MOTHER_4)
    expect(await signups()).toEqual([signup])
    expect([await credits(MOTHER_4, REMINDER), await credits(MOTHER_4, ANNOUNCE)]).toEqual([2, 2])
  })

  test('the announcement reaches targeted members with consent once, however often the timer fires', async () => {
    const before = { m1: (await h.outbox(MOTHER)).length, m2: (await h.outbox(MOTHER_2)).length }
    await timer()
    await timer()
    // a run that died after sending, before it recorded the announcement done: the next run walks again
    await h.db.collection('lives').doc(liveId).update({ data: { announcePending: true } })
    await timer()
    const m1 = await h.outbox(MOTHER)
    expect(m1.length - before.m1).toBe(1)
    // a tap on the message opens the live's page (the path as app.json declares it)
    expect(m1[m1.length - 1]).toMatchObject({ template_id: ANNOUNCE, page: `packages/live/pages/detail/index?id=${liveId}`, data: { thing1: { value: '0-6 月专场' }, time2: { value: '2026-12-01 20:00' } } })
    expect((await h.outbox(MOTHER_2)).length - before.m2).toBe(0) // not targeted: her consent is kept
    expect(await credits(MOTHER, ANNOUNCE)).toBe(0)
    expect(await credits(MOTHER_2, ANNOUNCE)).toBe(1)
    // MOTHER_3 consented on our side but never on the platform: refused, recorded, her count set to 0
    expect(await notices({ liveId, kind: 'liveAnnounce' })).toEqual(expect.arrayContaining([
      expect.objectContaining({ openid: MOTHER, status: 'sent' }),
      expect.objectContaining({ openid: MOTHER_3, status: 'refused', reason: 'platformRefused', errCode: 43101 }),
    ]))
    expect(await credits(MOTHER_3, ANNOUNCE)).toBe(0)
    expect((await h.db.collection('lives').doc(liveId).get()).data).toMatchObject({ announcePending: false })
  })

  test('the reminder goes out 10 minutes before the start, once, to those who tapped 提醒我', async () => {
    await h.grantSubscription(MOTHER, REMINDER)
    const r = await h.ok<{ reminded: boolean; credits: { reminder: number } }>(main, { action: 'remind', liveId, accepted: ['reminder'], requestId: rid() }, MOTHER)
    expect(r).toMatchObject({ reminded: true, credits: { reminder: 1 } })
    // she asked twice (two taps): two consents, one reminder for this live
    await h.grantSubscription(MOTHER, REMINDER)
    await h.ok(main, { action: 'remind', liveId, accepted: ['reminder'], requestId: rid() }, MOTHER)
    expect(await credits(MOTHER, REMINDER)).toBe(2)
    // a mother the live is not for cannot sign up
    expect(await h.call(main, { action: 'remind', liveId, accepted: ['reminder'], requestId: rid() }, MOTHER_2)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    // a mother with no consent left on our count: recorded as refused without asking the platform
    await h.db.collection('liveReminders').add({ data: { liveId, openid: MOTHER_3, createdAt: new Date() } })

    h.setNow(new Date(start - 11 * 60_000).toISOString())
    await timer()
    expect(await h.outbox(MOTHER).then((o) => o.filter((m) => m.template_id === REMINDER))).toHaveLength(0)

    h.setNow(new Date(start - 9 * 60_000).toISOString())
    await timer()
    await timer()
    // a run that died before it recorded the reminder done: the next run walks the signups again
    await h.db.collection('lives').doc(liveId).update({ data: { reminderPending: true } })
    h.advance(60_000)
    await timer()
    const reminders = (await h.outbox(MOTHER)).filter((m) => m.template_id === REMINDER)
    expect(reminders).toHaveLength(1)
    expect(reminders[0].data.thing1.value).toBe('0-6 月专场')
    expect(reminders[0].page).toBe(`packages/live/pages/detail/index?id=${liveId}`)
    expect(await credits(MOTHER, REMINDER)).toBe(1) // one spent, one kept for another live
    expect(await notices({ liveId, kind: 'liveReminder' })).toEqual(expect.arrayContaining([
      expect.objectContaining({ openid: MOTHER, status: 'sent' }),
      expect.objectContaining({ openid: MOTHER_3, status: 'refused', reason: 'noConsent' }),
    ]))
    const live = await h.ok<Live>(main, { action: 'get', id: liveId }, MOTHER)
    expect(live.remindable).toBe(false)
    expect(await h.ok(main, { action: 'remind', liveId, accepted: ['reminder'], requestId: rid() }, MOTHER)).toMatchObject({ reminded: false })
  })

  test('two timer runs racing over the same reminders send each mother one message', async () => {
    h.setNow('2026-11-28T10:00:00+08:00')
    const raceStart = Date.parse('2026-12-02T20:00:00+08:00')
    const { id } = await h.ok<{ id: string }>(main, liveInput({ title: '工厂直播', scene: 'factory', startAt: new Date(raceStart).toISOString() }), LEADER)
    await timer() // its announcement
    for (const m of [MOTHER, MOTHER_3]) {
      await h.grantSubscription(m, REMINDER)
      await h.grantSubscription(m, REMINDER)
      await h.ok(main, { action: 'remind', liveId: id, accepted: ['reminder'], requestId: rid() }, m)
    }
    const before = { m1: (await h.outbox(MOTHER)).length, m3: (await h.outbox(MOTHER_3)).length }
    const creditsBefore = { m1: await credits(MOTHER, REMINDER), m3: await credits(MOTHER_3, REMINDER) }
    h.setNow(new Date(raceStart - 5 * 60_000).toISOString())
    // both runs read "no notice yet" for the first mother before either writes
    const overlap = h.barrier({ collection: 'liveNotices', action: 'get', count: 2 })
    await Promise.all([timer(), timer(), overlap])
    expect((await h.outbox(MOTHER)).length - before.m1).toBe(1)
    expect((await h.outbox(MOTHER_3)).length - before.m3).toBe(1)
    expect(await credits(MOTHER, REMINDER)).toBe(creditsBefore.m1 - 1)
    expect(await credits(MOTHER_3, REMINDER)).toBe(creditsBefore.m3 - 1)
    expect(await notices({ liveId: id, kind: 'liveReminder' })).toHaveLength(2)
  })

  test('a cancelled live is neither announced nor reminded', async () => {
    h.setNow('2026-11-28T10:00:00+08:00')
    await h.grantSubscription(MOTHER_2, ANNOUNCE)
    const { id } = await h.ok<{ id: string }>(main, liveInput({ title: '取消的直播' }), LEADER)
    await h.ok(main, { action: 'cancel', id }, LEADER)
    expect(await h.ok(main, { action: 'cancel', id }, LEADER)).toEqual({ id, status: 'cancelled' })
    await timer()
    expect(await notices({ liveId: id })).toHaveLength(0)
    expect(await h.call(main, { action: 'update', id, title: '改' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})

describe('questions', () => {
  let liveId = ''
  beforeAll(async () => {
    h.setNow('2026-11-28T10:00:00+08:00')
    liveId = (await h.ok<{ id: string }>(main, liveInput({ title: '问答专场' }), LEADER)).id
  })

  test('members ask (idempotent per requestId, content-checked); a visitor cannot', async () => {
    const requestId = rid()
    const { id } = await h.ok<{ id: string }>(main, { action: 'ask', liveId, question: '奶粉怎么冲泡才对？', requestId }, MOTHER)
    expect(await h.ok(main, { action: 'ask', liveId, question: '奶粉怎么冲泡才对？', requestId }, MOTHER)).toEqual({ id })
    expect(await h.count('liveQuestions', { liveId })).toBe(1)
    expect(await h.call(main, { action: 'ask', liveId, question: '这是违禁词的问题', requestId: rid() }, MOTHER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await h.call(main, { action: 'ask', liveId, question: '我能问吗？？', requestId: rid() }, VISITOR)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    expect(await h.call(main, { action: 'ask', liveId, question: '短' }, MOTHER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h.count('liveQuestions', { liveId })).toBe(1)
  })

  test('a leader picks, answers and hides; a mother cannot; members see picked and answered only', async () => {
    const ask = async (question: string, who = MOTHER_3) => (await h.ok<{ id: string }>(main, { action: 'ask', liveId, question, requestId: rid() }, who)).id
    const [a, b, c] = [await ask('第一个问题：段数怎么选？'), await ask('第二个问题：保质期多久？'), await ask('第三个问题：广告广告广告')]
    for (const to of ['picked', 'hidden']) expect(await h.call(main, { action: 'curate', id: a, to }, MOTHER_3)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.ok(main, { action: 'curate', id: a, to: 'picked' }, LEADER)).toEqual({ id: a, state: 'picked' })
    expect(await h.ok(main, { action: 'curate', id: b, to: 'answered', answer: '开罐后 4 周内吃完' }, LEADER)).toEqual({ id: b, state: 'answered' })
    expect(await h.ok(main, { action: 'curate', id: c, to: 'hidden' }, LEADER)).toEqual({ id: c, state: 'hidden' })
    expect(await h.call(main, { action: 'curate', id: b, to: 'hidden' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call(main, { action: 'curate', id: b, to: 'answered' }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h.call(main, { action: 'curate', id: 'nope', to: 'picked' }, LEADER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })

    const seen = await h.ok<Page<Q>>(main, { action: 'qa', liveId }, MOTHER)
    expect(seen.items.map((q) => [q.id, q.state])).toEqual([[a, 'picked'], [b, 'answered']])
    expect(seen.items[1]).toMatchObject({ answer: '开罐后 4 周内吃完', mine: false })
    expect(JSON.stringify(seen)).not.toContain(MOTHER_3)
    expect(seen.items[0]).not.toHaveProperty('askerName')

    const queue = await h.ok<Page<Q>>(main, { action: 'questions', liveId, state: 'new' }, LEADER)
    expect(queue.items.map((q) => q.question)).toEqual(['奶粉怎么冲泡才对？'])
    expect(queue.items[0].askerName).toBe('小雨妈妈')
    expect((await h.ok<Page<Q>>(main, { action: 'questions', liveId }, LEADER)).total).toBe(4)
  })

  test('asking is rate-limited per member; after the live no more questions', async () => {
    let last: unknown
    for (let i = 0; i < 11; i++) last = await h.call(main, { action: 'ask', liveId, question: `第 ${i} 个连续提问`, requestId: rid() }, MOTHER_2)
    // MOTHER_2 cannot see a targeted live… this one is for everyone: the 11th is refused
    expect(last).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED' } })
    const finished = await h.ok<Live>(main, { action: 'finish', id: liveId, replayUrl: 'https://channels.weixin.qq.com/replay/1', highlights: ['3 分钟讲清段数'] }, LEADER)
    expect(finished).toMatchObject({ phase: 'finished', replayUrl: 'https://channels.weixin.qq.com/replay/1', highlights: ['3 分钟讲清段数'] })
    expect(await h.call(main, { action: 'ask', liveId, question: '结束后还能问吗？', requestId: rid() }, MOTHER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    const { recent } = await h.ok<{ recent: Live[] }>(main, { action: 'list' }, MOTHER)
    expect(recent.map((l) => l.id)).toContain(liveId)
  })

  test('her questions, consents and messages are in her export and go with her account', async () => {
    const exported = await h.ok<{ content: Record<string, Array<Record<string, unknown>>> }>(memberMain, { action: 'export' }, MOTHER)
    expect(exported.content.liveQuestions.map((q) => q.question)).toContain('奶粉怎么冲泡才对？')
    expect(exported.content.consents?.length).toBeGreaterThan(0)
    await h.ok(memberMain, { action: 'deleteAccount', confirm: '注销' }, MOTHER)
    for (const [collection, field] of [['liveQuestions', 'askedBy'], ['consents', 'openid'], ['liveReminders', 'openid'], ['liveNotices', 'openid']]) {
      expect([collection, await h.count(collection, { [field]: MOTHER })]).toEqual([collection, 0])
    }
  })
})
