// chain.create, update, close, get and list in process: the rules a leader meets, what a mother sees,
// and who may call what.
import { main } from '../../cloudfunctions/chain/index'
import { main as liveMain } from '../../cloudfunctions/live/index'
import type { ChainDetailView, ChainView } from '../../domain/chain'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-ch-leader'
const MOTHER = 'o-ch-mother' // 0-6月
const MOTHER_2 = 'o-ch-mother-2' // 1-3岁
const PENDING = 'o-ch-pending'
const VISITOR = 'o-ch-visitor'
const NOW = '2026-11-28T10:00:00+08:00'
let seq = 0
const rid = () => `req-ch-${String(++seq).padStart(6, '0')}`
type Page<T> = { items: T[]; total: number; page: number; pageSize: number }

function chainInput(extra: Record<string, unknown> = {}) {
  return {
    action: 'create', title: '新西兰 A2 奶粉', product: 'A2 奶粉 1 段', spec: '900g', priceFen: 19800, originalPriceFen: 25800, quota: 100, perPersonLimit: 3,
    deadline: '2026-11-30T20:00:00+08:00', promises: ['openedRefund', 'noReason7d', 'fakeTenfold'], firstNGift: { n: 10, gift: '试用装 2 袋' }, requestId: rid(), ...extra,
  }
}
const create = async (extra: Record<string, unknown> = {}) => (await h.ok<{ id: string }>(main, chainInput(extra), LEADER)).id
const stored = async (id: string) => (await h.db.collection('chains').doc(id).get()).data

beforeAll(async () => {
  h = await startHarness(NOW)
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await h.seedMember({ openid: MOTHER, tags: ['0-6月'], nickname: '小雨妈妈' })
  await h.seedMember({ openid: MOTHER_2, tags: ['1-3岁'], nickname: '豆豆妈妈' })
  await h.seedMember({ openid: PENDING, status: 'pending' })
})
afterAll(async () => {
  await h.close()
})

describe('creating', () => {
  test('a chain without an open time opens at once; the same requestId answers the same chain', async () => {
    const input = chainInput()
    const { id } = await h.ok<{ id: string }>(main, input, LEADER)
    expect(await h.ok(main, input, LEADER)).toEqual({ id })
    expect(await h.count('chains', { _id: id })).toBe(1)
    const view = await h.ok<ChainDetailView>(main, { action: 'get', id }, MOTHER)
    expect(view).toMatchObject({
      title: '新西兰 A2 奶粉', product: 'A2 奶粉 1 段', spec: '900g', unit: '罐', priceFen: 19800, originalPriceFen: 25800, quota: 100, sold: 0, remaining: 100, percent: 0,
      perPersonLimit: 3, status: 'open', statusLabel: '接龙中', phase: 'open', minToForm: 1, kocEarlyMinutes: 0, giftRule: '前 10 位接龙送试用装 2 袋',
      price: { price: '¥198', original: '¥258', saving: '省 ¥60' }, deadline: new Date('2026-11-30T20:00:00+08:00').toISOString(), entries: [], page: 1, pageSize: 50,
    })
    // the promises in one fixed order, whatever order they were ticked in
    expect(view.promises).toEqual([
      { code: 'noReason7d', label: '7 天无理由' }, { code: 'fakeTenfold', label: '假一赔十' }, { code: 'openedRefund', label: '开罐不满意未食用部分可退' },
    ])
    expect(view.kocOpenAt).toBeUndefined()
    expect(await stored(id)).toMatchObject({ status: 'open', createdBy: LEADER, remaining: 100, held: {}, order: [], counted: [] })
  })

  test('a chain with an open time is a draft until then; its KOC window is stored as a time', async () => {
    const id = await create({ openAt: '2026-11-29T20:00:00+08:00', kocEarlyMinutes: 30 })
    const doc = await stored(id)
    expect(doc.status).toBe('draft')
    expect(new Date(doc.kocOpenAt).toISOString()).toBe(new Date('2026-11-29T19:30:00+08:00').toISOString())
    expect(await h.ok<ChainView>(main, { action: 'get', id }, MOTHER)).toMatchObject({ phase: 'upcoming', phaseLabel: '即将开始', statusLabel: '未开始' })
  })

  test('BAD_INPUT for broken amounts and times, and nothing is stored', async () => {
    const before = await h.count('chains')
    const bad = [
      { priceFen: 198.5 }, { priceFen: 0 }, { originalPriceFen: 100 }, { quota: 0 }, { perPersonLimit: 101 }, { perPersonLimit: 5, quota: 4 },
      { minToForm: 200 }, { firstNGift: { n: 200, gift: '围兜' } }, { promises: ['包邮'] }, { deadline: 'tomorrow' },
      { deadline: '2026-11-28T09:00:00+08:00' }, { openAt: '2026-11-28T09:00:00+08:00' }, { openAt: '2026-12-01T09:00:00+08:00' },
      { deadline: '2027-06-01T09:00:00+08:00' }, { kocEarlyMinutes: 5000 }, { unit: '一大罐' }, { title: '' },
    ]
    for (const extra of bad) expect([extra, await h.call(main, chainInput(extra), LEADER)]).toEqual([extra, expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'BAD_INPUT' }) })])
    expect(await h.count('chains')).toBe(before)
    expect(await h.call(main, chainInput({ perPersonLimit: 5, quota: 4 }), LEADER)).toMatchObject({ error: { message: '每人限购：每人限购不能超过限量' } })
  })

  test('a linked live must exist; text passes the content check', async () => {
    expect(await h.call(main, chainInput({ liveId: 'no-such-live' }), LEADER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    const { id: liveId } = await h.ok<{ id: string }>(liveMain, { action: 'create', title: '牧场直播', host: { name: '王团长' }, scene: 'ranch', startAt: '2026-11-29T20:00:00+08:00' }, LEADER)
    const id = await create({ liveId })
    expect(await h.ok(main, { action: 'get', id }, MOTHER)).toMatchObject({ liveId })
    expect(await h.call(main, chainInput({ firstNGift: { n: 1, gift: '赌博筹码' } }), LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  })

  test('only leaders create, edit, close and read entries: a mother is FORBIDDEN, outsiders NOT_MEMBER for every action', async () => {
    const id = await create()
    for (const data of [chainInput(), { action: 'update', id, title: 'x' }, { action: 'close', chainId: id }, { action: 'entries', chainId: id }, { action: 'removeEntry', entryId: 'e1' }]) {
      expect(await h.call(main, data, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
      for (const who of [VISITOR, PENDING]) expect(await h.call(main, data, who)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    }
    for (const data of [{ action: 'get', id }, { action: 'list' }, { action: 'mine' }, { action: 'cancel', chainId: id }]) {
      for (const who of [VISITOR, PENDING]) expect(await h.call(main, data, who)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    }
  })
})

describe('editing before it opens', () => {
  test('a draft takes edits (a new quota resets what remains); once it may be joined, CONFLICT', async () => {
    const id = await create({ openAt: '2026-11-28T12:00:00+08:00' })
    const view = await h.ok<ChainView>(main, { action: 'update', id, quota: 50, perPersonLimit: 2, spec: null, firstNGift: null, targetTags: ['0-6月'] }, LEADER)
    expect(view).toMatchObject({ quota: 50, remaining: 50, perPersonLimit: 2, targetTags: ['0-6月'] })
    expect(view.spec).toBeUndefined()
    expect(view.firstNGift).toBeUndefined()
    expect(await stored(id)).toMatchObject({ targeted: true })
    // checked against what stays: a limit above the stored quota
    expect(await h.call(main, { action: 'update', id, perPersonLimit: 60 }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h.call(main, { action: 'update', id, openAt: '2026-11-28T09:00:00+08:00' }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h.call(main, { action: 'update', id }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const moved = await h.ok<ChainView>(main, { action: 'update', id, openAt: '2026-11-28T13:00:00+08:00', kocEarlyMinutes: 15 }, LEADER)
    expect(moved).toMatchObject({ openAt: new Date('2026-11-28T13:00:00+08:00').toISOString(), kocOpenAt: new Date('2026-11-28T12:45:00+08:00').toISOString() })
    h.setNow('2026-11-28T12:45:00+08:00')
    try {
      expect(await h.call(main, { action: 'update', id, title: '太晚了' }, LEADER)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '接龙已开始，不能再修改' } })
    } finally {
      h.setNow(NOW)
    }
    const open = await create()
    expect(await h.call(main, { action: 'update', id: open, title: '改' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call(main, { action: 'update', id: 'nope', title: '改' }, LEADER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('closing', () => {
  test('an early close forms the group when the minimum is reached and fixes the gift holders; again answers the same', async () => {
    const id = await create({ minToForm: 2, firstNGift: { n: 1, gift: '围兜' } })
    await h.ok(main, { action: 'join', chainId: id, qty: 2, requestId: rid() }, MOTHER)
    await h.ok(main, { action: 'join', chainId: id, qty: 1, requestId: rid() }, MOTHER_2)
    expect(await h.ok(main, { action: 'close', chainId: id }, LEADER)).toEqual({ status: 'formed', sold: 3 })
    expect(await h.ok(main, { action: 'close', chainId: id }, LEADER)).toEqual({ status: 'formed', sold: 3 })
    const doc = await stored(id)
    expect(doc).toMatchObject({ status: 'formed', closedBy: 'leader', gifted: [doc.order[0].k] })
    const view = await h.ok<ChainDetailView>(main, { action: 'get', id }, MOTHER)
    expect(view.mine).toMatchObject({ status: 'formed', statusLabel: '已成团', gift: '围兜', actions: [] })
    // a removal after forming moves no gift
    await h.ok(main, { action: 'removeEntry', entryId: doc.order[0].k }, LEADER)
    expect((await h.ok<ChainDetailView>(main, { action: 'get', id }, MOTHER_2)).mine?.gift).toBeUndefined()
    expect(await h.ok(main, { action: 'close', chainId: id }, LEADER)).toEqual({ status: 'formed', sold: 1 })
  })

  test('below the minimum the group fails: every entry reads cancelled', async () => {
    const id = await create({ minToForm: 5 })
    await h.ok(main, { action: 'join', chainId: id, qty: 2, requestId: rid() }, MOTHER)
    expect(await h.ok(main, { action: 'close', chainId: id }, LEADER)).toEqual({ status: 'failed', sold: 2 })
    const view = await h.ok<ChainDetailView>(main, { action: 'get', id }, MOTHER)
    expect(view).toMatchObject({ status: 'failed', phase: 'failed', phaseLabel: '未成团' })
    expect(view.mine).toMatchObject({ status: 'cancelled', actions: [] })
    expect(await h.call(main, { action: 'close', chainId: 'nope' }, LEADER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('listing', () => {
  test('members see open and upcoming chains for their tags, soonest deadline first, a page at a time; staff see all', async () => {
    // a fresh view: close everything created so far
    const all = (await h.db.collection('chains').where({ status: h.db.command.in(['draft', 'open']) }).get()).data as { _id: string }[]
    for (const c of all) await h.ok(main, { action: 'close', chainId: c._id }, LEADER)
    await create({ title: '全员', deadline: '2026-11-30T20:00:00+08:00' })
    await create({ title: '0-6 月专享', deadline: '2026-11-29T20:00:00+08:00', targetTags: ['0-6月'] })
    await create({ title: '明天开始', openAt: '2026-11-29T08:00:00+08:00', deadline: '2026-12-01T20:00:00+08:00' })
    await create({ title: '1-3 岁专享', targetTags: ['1-3岁'] })
    const gone = await create({ title: '已截止' })
    await h.ok(main, { action: 'close', chainId: gone }, LEADER)
    const titles = async (who: string, page = 1, pageSize = 20) => (await h.ok<Page<ChainView>>(main, { action: 'list', page, pageSize }, who)).items.map((x) => x.title)
    expect(await titles(MOTHER)).toEqual(['0-6 月专享', '全员', '明天开始'])
    expect(await titles(MOTHER_2)).toEqual(['全员', '1-3 岁专享', '明天开始'])
    expect(await titles(LEADER)).toEqual(['0-6 月专享', '全员', '1-3 岁专享', '明天开始'])
    const second = await h.ok<Page<ChainView>>(main, { action: 'list', page: 2, pageSize: 2 }, MOTHER)
    expect(second).toMatchObject({ total: 3, page: 2, pageSize: 2 })
    expect(second.items.map((x) => x.title)).toEqual(['明天开始'])
  })

  test('the join list is paged', async () => {
    const id = await create({ quota: 10 })
    for (const who of [MOTHER, MOTHER_2, LEADER]) await h.ok(main, { action: 'join', chainId: id, qty: 1, requestId: rid() }, who)
    const page2 = await h.ok<ChainDetailView>(main, { action: 'get', id, page: 2, pageSize: 2 }, MOTHER)
    expect(page2.entries).toEqual([{ seq: 3, name: '王**', qty: 1, gift: '试用装 2 袋' }])
    expect(page2.buyers).toBe(3)
  })
})
