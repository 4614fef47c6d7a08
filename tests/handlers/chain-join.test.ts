// chain.join, cancel, setAddress, removeEntry, entries and mine, in process against localcloud: every
// rule and every error a mother or a leader can meet, and races forced with a barrier.
import { main } from '../../cloudfunctions/chain/index'
import type { ChainDetailView, LeaderEntryView, MyEntryView } from '../../domain/chain'
import { entryKey, releaseEntry } from '../../server/collections/chains'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-cj-leader'
const KOC = 'o-cj-koc'
const PENDING = 'o-cj-pending'
const VISITOR = 'o-cj-visitor'
const mother = (i: number) => `o-cj-m${String(i).padStart(3, '0')}`
const NAMES = ['王小美', '李娜', '张三丰', '赵敏', '周芷若', '陈圆圆', '林黛玉', '薛宝钗', '孙尚香', '黄蓉']
let seq = 0
const rid = () => `req-cj-${String(++seq).padStart(6, '0')}`

type Join = { entryId: string; seq: number; qty: number; gift?: string }
type Page<T> = { items: T[]; total: number }
const NOW = '2026-11-28T10:00:00+08:00'
const DEADLINE = '2026-11-29T20:00:00+08:00'

async function createChain(extra: Record<string, unknown> = {}): Promise<string> {
  const input = {
    action: 'create', title: 'A2 奶粉会员专享', product: 'A2 奶粉 1 段', spec: '900g', priceFen: 19800, originalPriceFen: 25800,
    quota: 10, perPersonLimit: 3, deadline: DEADLINE, firstNGift: { n: 2, gift: '试用装' }, promises: ['fakeTenfold', 'noReason7d'], requestId: rid(), ...extra,
  }
  return (await h.ok<{ id: string }>(main, input, LEADER)).id
}

const join = (chainId: string, who: string, qty = 1, extra: Record<string, unknown> = {}) => h.call<Join>(main, { action: 'join', chainId, qty, requestId: rid(), ...extra }, who)
const joinOk = async (chainId: string, who: string, qty = 1, extra: Record<string, unknown> = {}) => {
  const env = await join(chainId, who, qty, extra)
  if (!env.ok) throw new Error(`join failed: ${env.error.code} ${env.error.message}`)
  return env.data
}
const chainDoc = async (id: string) => (await h.db.collection('chains').doc(id).get()).data as { sold: number; remaining: number; buyers: number; held: Record<string, number>; order: { k: string }[]; counted: string[] }
const get = (id: string, who = mother(0)) => h.ok<ChainDetailView>(main, { action: 'get', id }, who)

/** The invariants every state must keep: sold = Σ held ≤ quota, each held within the limit, one line per buyer. */
async function expectWhole(id: string, quota: number, limit: number) {
  const c = await chainDoc(id)
  const held = Object.values(c.held)
  expect(held.reduce((a, b) => a + b, 0)).toBe(c.sold)
  expect(c.sold).toBeLessThanOrEqual(quota)
  expect(c.remaining).toBe(quota - c.sold)
  for (const q of held) expect(q).toBeLessThanOrEqual(limit)
  expect(c.order.map((o) => o.k).sort()).toEqual(Object.keys(c.held).sort())
  expect(c.buyers).toBe(c.order.length)
}

beforeAll(async () => {
  h = await startHarness(NOW)
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长', phone: '13900000000' })
  await h.seedMember({ openid: KOC, roles: ['koc'], nickname: '体验官小雨', tags: ['0-6月'] })
  await h.seedMember({ openid: PENDING, status: 'pending' })
  for (let i = 0; i < 12; i++) await h.seedMember({ openid: mother(i), nickname: NAMES[i % NAMES.length], tags: [i % 2 ? '1-3岁' : '0-6月'], phone: `1380000${String(i).padStart(4, '0')}` })
})
afterAll(async () => {
  await h.close()
})

describe('joining', () => {
  test('a join answers her entry, place, quantity and gift; the list shows her masked', async () => {
    const id = await createChain()
    const first = await joinOk(id, mother(0), 2)
    expect(first).toEqual({ entryId: entryKey(id, mother(0)), seq: 1, qty: 2, gift: '试用装' })
    const view = await get(id, mother(1))
    expect(view).toMatchObject({ sold: 2, remaining: 8, percent: 20, phase: 'open', giftRule: '前 2 位接龙送试用装', price: { price: '¥198', original: '¥258', saving: '省 ¥60' } })
    expect(view.promises.map((p) => p.label)).toEqual(['7 天无理由', '假一赔十'])
    expect(view.entries).toEqual([{ seq: 1, name: '王**', qty: 2, gift: '试用装' }])
    expect(view.mine).toBeUndefined()
    expect(JSON.stringify(view)).not.toContain(mother(0))
    expect((await get(id, mother(0))).mine).toMatchObject({ entryId: first.entryId, seq: 1, qty: 2, gift: '试用装', status: 'joined', statusLabel: '已接龙', actions: ['cancel', 'raise'], amountFen: 39600 })
    await expectWhole(id, 10, 3)
  })

  test('the same requestId answers the same entry and sells nothing more, also after others joined', async () => {
    const id = await createChain()
    const requestId = rid()
    const first = await h.ok<Join>(main, { action: 'join', chainId: id, qty: 1, requestId }, mother(0))
    await joinOk(id, mother(1))
    const again = await h.ok<Join>(main, { action: 'join', chainId: id, qty: 1, requestId }, mother(0))
    expect(again).toEqual(first)
    // a resend may even arrive after the chain sold out: it still answers what it bought
    await joinOk(id, mother(2), 3)
    await joinOk(id, mother(3), 3)
    await joinOk(id, mother(4), 2)
    expect((await chainDoc(id)).remaining).toBe(0)
    expect(await h.ok<Join>(main, { action: 'join', chainId: id, qty: 1, requestId }, mother(0))).toEqual(first)
    expect(await h.count('chainEntries', { chainId: id })).toBe(5)
    await expectWhole(id, 10, 3)
  })

  test('another join raises her quantity up to the limit: LIMIT_EXCEEDED says how many more she may take', async () => {
    const id = await createChain()
    await joinOk(id, mother(1))
    expect(await joinOk(id, mother(0), 1)).toMatchObject({ seq: 2, qty: 1 })
    expect(await joinOk(id, mother(0), 1)).toMatchObject({ seq: 2, qty: 2 })
    expect(await join(id, mother(0), 2)).toEqual({ ok: false, error: { code: 'LIMIT_EXCEEDED', message: '每人限购 3 罐，你已接龙 2 罐，最多还能加 1 罐' } })
    expect(await joinOk(id, mother(0), 1)).toMatchObject({ seq: 2, qty: 3 })
    expect(await join(id, mother(0), 1)).toEqual({ ok: false, error: { code: 'LIMIT_EXCEEDED', message: '每人限购 3 罐，你已接龙 3 罐' } })
    expect(await join(id, mother(2), 4)).toEqual({ ok: false, error: { code: 'LIMIT_EXCEEDED', message: '每人限购 3 罐' } })
    expect((await get(id, mother(0))).mine?.actions).toEqual(['cancel'])
    await expectWhole(id, 10, 3)
  })

  test('SOLD_OUT says how many remain when some do, and 已抢完 when none', async () => {
    const id = await createChain({ quota: 4, firstNGift: undefined })
    await joinOk(id, mother(0), 3)
    expect(await join(id, mother(1), 2)).toEqual({ ok: false, error: { code: 'SOLD_OUT', message: '只剩 1 罐了，少接一点试试' } })
    await joinOk(id, mother(1), 1)
    expect(await join(id, mother(2), 1)).toEqual({ ok: false, error: { code: 'SOLD_OUT', message: '手慢了，已经被抢完啦' } })
    expect(await get(id)).toMatchObject({ phase: 'soldOut', phaseLabel: '已抢完', remaining: 0, percent: 100 })
    expect(await h.count('chainEntries', { chainId: id })).toBe(2)
    await expectWhole(id, 4, 3)
  })

  test('CHAIN_CLOSED before the open time, after the deadline and once closed; nothing is written', async () => {
    const later = await createChain({ openAt: '2026-11-28T12:00:00+08:00' })
    expect(await join(later, mother(0))).toEqual({ ok: false, error: { code: 'CHAIN_CLOSED', message: '接龙 11-28 12:00 开始，请到时再来' } })
    const closed = await createChain()
    await h.ok(main, { action: 'close', chainId: closed }, LEADER)
    expect(await join(closed, mother(0))).toMatchObject({ ok: false, error: { code: 'CHAIN_CLOSED', message: '接龙已截止' } })
    const due = await createChain({ deadline: '2026-11-28T11:00:00+08:00' })
    h.setNow('2026-11-28T11:00:00+08:00')
    try {
      expect(await join(due, mother(0))).toMatchObject({ ok: false, error: { code: 'CHAIN_CLOSED' } })
    } finally {
      h.setNow(NOW)
    }
    for (const id of [later, closed, due]) expect(await chainDoc(id)).toMatchObject({ sold: 0, counted: [] })
    expect(await h.count('chainEntries', { chainId: later })).toBe(0)
  })

  test('visitors and applicants hear NOT_MEMBER; a chain for other tags reads NOT_FOUND; staff may join any', async () => {
    const id = await createChain({ targetTags: ['1-3岁'] })
    for (const who of [VISITOR, PENDING]) expect(await join(id, who)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    expect(await join(id, mother(0))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.call(main, { action: 'get', id }, mother(0))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await joinOk(id, mother(1))).toMatchObject({ seq: 1 })
    expect(await joinOk(id, LEADER)).toMatchObject({ seq: 2 })
    await expectWhole(id, 10, 3)
  })

  test('the KOC window: a koc joins that many minutes early, everyone else at the open time', async () => {
    const id = await createChain({ openAt: '2026-11-28T10:30:00+08:00', kocEarlyMinutes: 60 })
    expect((await get(id, KOC))).toMatchObject({ phase: 'kocEarly', kocEarlyMinutes: 60, kocOpenAt: new Date('2026-11-28T09:30:00+08:00').toISOString() })
    expect(await joinOk(id, KOC, 1)).toMatchObject({ seq: 1, gift: '试用装' })
    expect(await join(id, mother(0))).toEqual({ ok: false, error: { code: 'CHAIN_CLOSED', message: '接龙 11-28 10:30 开始，请到时再来（体验官可提前参与）' } })
    // a draft a KOC could join is no longer editable
    expect(await h.call(main, { action: 'update', id, title: '改个名' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    h.setNow('2026-11-28T10:30:00+08:00')
    try {
      expect(await joinOk(id, mother(0))).toMatchObject({ seq: 2, gift: '试用装' })
    } finally {
      h.setNow(NOW)
    }
  })

  test('bad input is BAD_INPUT and writes nothing; a join needs a requestId', async () => {
    const id = await createChain()
    for (const bad of [{ qty: 0 }, { qty: 1.5 }, { qty: 100 }, { requestId: undefined }, { requestId: 'short' }, { address: { name: '王', phone: 'abc', region: '上海', detail: '1 号' } }, { extra: 1 }]) {
      const env = await h.call(main, { action: 'join', chainId: id, qty: 1, requestId: rid(), ...bad }, mother(0))
      expect(env).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    }
    expect(await chainDoc(id)).toMatchObject({ sold: 0, counted: [] })
    expect(await join('no-such-chain', mother(0))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })

  test('a note passes the content check; a rejected one stores nothing', async () => {
    const id = await createChain()
    expect(await join(id, mother(0), 1, { note: '加微信 赌博 返现' })).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await chainDoc(id)).toMatchObject({ sold: 0 })
    const ok = await joinOk(id, mother(0), 1, { note: '周末送到', address: { name: '王小美', phone: '13800001111', region: '上海市 浦东新区', detail: '锦绣路 1 号' } })
    const entry = (await h.db.collection('chainEntries').doc(ok.entryId).get()).data
    expect(entry).toMatchObject({ chainId: id, openid: mother(0), name: '王小美', note: '周末送到', address: { phone: '13800001111' } })
  })
})

describe('cancelling and removing', () => {
  test('a cancel gives back quantity, allowance and gift place exactly once; the next in line gets the gift', async () => {
    const id = await createChain()
    await joinOk(id, mother(0), 3)
    await joinOk(id, mother(1), 1)
    const third = await joinOk(id, mother(2), 1)
    expect(third.gift).toBeUndefined()
    expect(await h.ok(main, { action: 'cancel', chainId: id }, mother(0))).toEqual({ entryId: entryKey(id, mother(0)), status: 'cancelled', released: 3 })
    expect(await h.ok(main, { action: 'cancel', chainId: id }, mother(0))).toMatchObject({ released: 0 })
    expect(await chainDoc(id)).toMatchObject({ sold: 2, remaining: 8, buyers: 2 })
    const view = await get(id, mother(2))
    expect(view.entries).toEqual([{ seq: 1, name: '李**', qty: 1, gift: '试用装' }, { seq: 2, name: '张**', qty: 1, gift: '试用装' }])
    expect(view.mine).toMatchObject({ seq: 2, gift: '试用装' })
    // her allowance is whole again: she may rejoin with the full limit, at the end of the line
    expect(await joinOk(id, mother(0), 3)).toEqual({ entryId: entryKey(id, mother(0)), seq: 3, qty: 3 })
    const mine = await h.ok<Page<MyEntryView>>(main, { action: 'mine' }, mother(0))
    expect(mine.items.find((e) => e.chainId === id)).toMatchObject({ status: 'joined', qty: 3, seq: 3 })
    await expectWhole(id, 10, 3)
  })

  test('cancelling after the deadline is CHAIN_CLOSED; without an entry it answers nothing released', async () => {
    const id = await createChain({ deadline: '2026-11-28T11:00:00+08:00' })
    await joinOk(id, mother(0), 1)
    expect(await h.ok(main, { action: 'cancel', chainId: id }, mother(5))).toMatchObject({ released: 0 })
    h.setNow('2026-11-28T11:00:01+08:00')
    try {
      expect(await h.call(main, { action: 'cancel', chainId: id }, mother(0))).toMatchObject({ ok: false, error: { code: 'CHAIN_CLOSED' } })
    } finally {
      h.setNow(NOW)
    }
    expect(await chainDoc(id)).toMatchObject({ sold: 1 })
  })

  test('a leader sees entries in full (phone and address) in join order, removes one, and sees it among the cancelled', async () => {
    const id = await createChain()
    await joinOk(id, mother(0), 2, { address: { name: '王小美', phone: '13811112222', region: '上海市 浦东新区', detail: '锦绣路 1 号' } })
    const second = await joinOk(id, mother(1), 1)
    const live = await h.ok<Page<LeaderEntryView>>(main, { action: 'entries', chainId: id }, LEADER)
    expect(live.total).toBe(2)
    expect(live.items).toEqual([
      expect.objectContaining({ seq: 1, qty: 2, name: '王小美', phone: '13811112222', address: expect.objectContaining({ detail: '锦绣路 1 号' }), gift: '试用装', actions: ['remove'] }),
      expect.objectContaining({ seq: 2, qty: 1, name: '李娜', phone: '13800000001', actions: ['remove'] }),
    ])
    expect(await h.call(main, { action: 'entries', chainId: id }, mother(0))).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.ok(main, { action: 'removeEntry', entryId: second.entryId }, LEADER)).toEqual({ entryId: second.entryId, status: 'cancelled', released: 1 })
    expect(await h.ok(main, { action: 'removeEntry', entryId: second.entryId }, LEADER)).toMatchObject({ released: 0 })
    const cancelled = await h.ok<Page<LeaderEntryView>>(main, { action: 'entries', chainId: id, status: 'cancelled' }, LEADER)
    expect(cancelled.items).toEqual([expect.objectContaining({ entryId: second.entryId, status: 'cancelled', qty: 0, seq: null, actions: [] })])
    const mine = await h.ok<Page<MyEntryView>>(main, { action: 'mine' }, mother(1))
    expect(mine.items.find((e) => e.chainId === id)).toMatchObject({ status: 'cancelled', statusLabel: '已取消', actions: [], qty: 0 })
    await expectWhole(id, 10, 3)
  })

  test('a shipped entry cannot be removed, and its address no longer changes', async () => {
    const id = await createChain()
    const e = await joinOk(id, mother(0), 1)
    expect(await h.ok(main, { action: 'setAddress', chainId: id, address: { name: '王小美', phone: '13800001111', region: '上海', detail: '1 号' } }, mother(0))).toEqual({ entryId: e.entryId, hasAddress: true })
    await h.db.collection('chainEntries').doc(e.entryId).update({ data: { shippedAt: new Date(), courier: '顺丰', trackingNo: 'SF1' } })
    expect(await h.call(main, { action: 'removeEntry', entryId: e.entryId }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call(main, { action: 'setAddress', chainId: id, address: { name: '王', phone: '13800001111', region: '上海', detail: '2 号' } }, mother(0))).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect(await h.call(main, { action: 'setAddress', chainId: id, address: { name: '王', phone: '13800001111', region: '上海', detail: '2 号' } }, mother(1))).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await chainDoc(id)).toMatchObject({ sold: 1 })
  })
})

describe('forced races', () => {
  test('three mothers whose updates reach the database together for the last can: one gets it, two hear SOLD_OUT', async () => {
    const id = await createChain({ quota: 3, firstNGift: { n: 3, gift: '围兜' } })
    await joinOk(id, mother(0), 1)
    await joinOk(id, mother(1), 1)
    const held = h.barrier({ collection: 'chains', action: 'update', count: 3 })
    const answers = await Promise.all([2, 3, 4].map((i) => join(id, mother(i))))
    await held
    expect(answers.filter((a) => a.ok)).toHaveLength(1)
    expect(answers.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['SOLD_OUT', 'SOLD_OUT'])
    const winner = answers.find((a) => a.ok)
    expect(winner).toMatchObject({ ok: true, data: { seq: 3, gift: '围兜' } })
    await expectWhole(id, 3, 3)
  })

  test('the same request sent three times at once is counted once', async () => {
    const id = await createChain()
    const requestId = rid()
    const held = h.barrier({ collection: 'chains', action: 'update', count: 3 })
    const answers = await Promise.all([0, 1, 2].map(() => h.call<Join>(main, { action: 'join', chainId: id, qty: 2, requestId }, mother(6))))
    await held
    expect(answers.every((a) => a.ok)).toBe(true)
    expect(new Set(answers.map((a) => JSON.stringify(a)))).toEqual(new Set([JSON.stringify(answers[0])]))
    expect(await chainDoc(id)).toMatchObject({ sold: 2, buyers: 1 })
    expect(await h.count('chainEntries', { chainId: id })).toBe(1)
  })

  test('the same raise sent three times at once is counted once', async () => {
    const id = await createChain()
    await joinOk(id, mother(8), 1)
    const requestId = rid()
    // each attempt is refused as a new buyer, learns she holds some, then tries the raise: hold both rounds together
    const rounds = [h.barrier({ collection: 'chains', action: 'update', count: 3 }), h.barrier({ collection: 'chains', action: 'update', count: 3 })]
    // one can each time, so her limit (3) would let a second count through: only `counted` stops it
    const answers = await Promise.all([0, 1, 2].map(() => h.call<Join>(main, { action: 'join', chainId: id, qty: 1, requestId }, mother(8))))
    await Promise.all(rounds)
    expect(answers.map((a) => a.ok && a.data.qty)).toEqual([2, 2, 2])
    expect(await chainDoc(id)).toMatchObject({ sold: 2, buyers: 1 })
    await expectWhole(id, 10, 3)
  })

  test('a release decided on what she held before a raise landed changes nothing (the cancel reads again)', async () => {
    const id = await createChain()
    await joinOk(id, mother(9), 1)
    await joinOk(id, mother(9), 2)
    const stale = { chainId: id, key: entryKey(id, mother(9)), held: 1, statuses: ['draft' as const, 'open' as const] }
    expect(await releaseEntry(h.db, stale)).toBe(false)
    expect(await chainDoc(id)).toMatchObject({ sold: 3, buyers: 1 })
    expect(await releaseEntry(h.db, { ...stale, held: 3 })).toBe(true)
    expect(await releaseEntry(h.db, { ...stale, held: 3 })).toBe(false)
    expect(await chainDoc(id)).toMatchObject({ sold: 0, buyers: 0, remaining: 10 })
    await expectWhole(id, 10, 3)
  })

  test('a mother racing her own cancel and raise ends whole: sold matches what she holds', async () => {
    const id = await createChain()
    await joinOk(id, mother(7), 1)
    const answers = await Promise.all([join(id, mother(7), 2), h.call(main, { action: 'cancel', chainId: id }, mother(7))])
    expect(answers[1]).toMatchObject({ ok: true })
    await expectWhole(id, 10, 3)
  })
})
