import {
  canSeeChain, entryStatus, formatFen, giftFor, giftHolders, giftRuleText, isEditable, isJoinable, isKoc, joinLine, joinList, joinOpensAt, joinRefusal, kocOpenAtFor,
  leaderActions, maskName, motherActions, phaseOf, priceDisplay, promiseLabels, savingFen, seqOf, settleOutcome, toChainView, toLeaderEntryView, toMyEntryView,
  type ChainEntryRecord, type ChainRecord, type JoinState,
} from '../../domain/chain'
import { authorize, isStaff } from '../../domain/roles'

const at = (s: string) => new Date(s)
const OPEN = at('2026-12-01T20:00:00+08:00')
const KOC_OPEN = at('2026-12-01T19:30:00+08:00')
const DEADLINE = at('2026-12-02T20:00:00+08:00')

function chain(over: Partial<ChainRecord> = {}): ChainRecord {
  return {
    _id: 'c1', title: 'A2 奶粉', product: 'A2 奶粉 1 段', unit: '罐', priceFen: 19800, quota: 10, perPersonLimit: 3, openAt: OPEN, kocEarlyMinutes: 30, kocOpenAt: KOC_OPEN,
    deadline: DEADLINE, minToForm: 1, targetTags: [], targeted: false, promises: [], status: 'open', sold: 0, remaining: 10, buyers: 0, order: [], held: {}, counted: [],
    createdBy: 'o-leader', createdAt: at('2026-11-30T10:00:00+08:00'), ...over,
  }
}

describe('money in fen', () => {
  test('whole yuan without decimals, cents with two', () => {
    expect(formatFen(12800)).toBe('¥128')
    expect(formatFen(12850)).toBe('¥128.50')
    expect(formatFen(12805)).toBe('¥128.05')
    expect(formatFen(5)).toBe('¥0.05')
    expect(formatFen(0)).toBe('¥0')
    expect(formatFen(-300)).toBe('-¥3')
  })

  test('the price block shows the original and the saving only when the original is higher', () => {
    expect(priceDisplay(19800, 25800)).toEqual({ price: '¥198', original: '¥258', saving: '省 ¥60' })
    expect(priceDisplay(19800, 19800)).toEqual({ price: '¥198' })
    expect(priceDisplay(19800)).toEqual({ price: '¥198' })
    expect(savingFen(100, 150)).toBe(50)
    expect(savingFen(100, 90)).toBeNull()
  })
})

describe('labels', () => {
  test('a buyer is shown by the first character of her name', () => {
    expect(maskName('王小美')).toBe('王**')
    expect(maskName('')).toBe('匿名')
  })

  test('promises in one fixed order, with their words', () => {
    expect(promiseLabels(['openedRefund', 'noReason7d'])).toEqual([{ code: 'noReason7d', label: '7 天无理由' }, { code: 'openedRefund', label: '开罐不满意未食用部分可退' }])
    expect(promiseLabels(['fakeTenfold']).map((p) => p.label)).toEqual(['假一赔十'])
    expect(promiseLabels([])).toEqual([])
  })

  test('gift rule and join line', () => {
    expect(giftRuleText({ n: 10, gift: '试用装' })).toBe('前 10 位接龙送试用装')
    expect(giftRuleText(undefined)).toBeUndefined()
    expect(joinLine({ seq: 1, name: '王**', qty: 2 }, '罐')).toBe('1. 王** 2 罐')
  })
})

describe('time windows and the KOC window', () => {
  test('a KOC may join from the KOC window, everyone else from the open time, nobody at or after the deadline', () => {
    const c = chain({ status: 'draft' })
    expect(kocOpenAtFor(OPEN, 30)).toEqual(KOC_OPEN)
    expect(joinOpensAt(c, true)).toEqual(KOC_OPEN)
    expect(joinOpensAt(c, false)).toEqual(OPEN)
    expect(isJoinable(c, at('2026-12-01T19:29:59+08:00'), true)).toBe(false)
    expect(isJoinable(c, KOC_OPEN, true)).toBe(true)
    expect(isJoinable(c, KOC_OPEN, false)).toBe(false)
    expect(isJoinable(c, OPEN, false)).toBe(true)
    expect(isJoinable(c, DEADLINE, true)).toBe(false)
    expect(isJoinable(chain({ status: 'closed' }), OPEN, false)).toBe(false)
  })

  test('koc is a role for benefits, not staff: it admits nobody and shows no targeted chain', () => {
    expect(isKoc(['koc'])).toBe(true)
    expect(isKoc(['leader', 'admin'])).toBe(false)
    expect(isStaff({ roles: ['koc'] })).toBe(false)
    expect(isStaff({ roles: ['cs'] })).toBe(true)
    expect(() => authorize('member', { openid: 'o1', status: 'pending', roles: ['koc'] })).toThrow(expect.objectContaining({ code: 'NOT_MEMBER' }))
    expect(() => authorize('member', { openid: 'o1', status: 'member', roles: ['koc'] })).not.toThrow()
    expect(() => authorize('koc', { openid: 'o1', status: 'member', roles: ['koc'] })).not.toThrow()
    expect(() => authorize('koc', { openid: 'o1', status: 'member', roles: [] })).toThrow(expect.objectContaining({ code: 'FORBIDDEN' }))
    const targeted = chain({ targetTags: ['0-6月'], targeted: true })
    expect(canSeeChain(targeted, { roles: ['koc'], tags: ['1-3岁'] })).toBe(false)
    expect(canSeeChain(targeted, { roles: ['koc'], tags: ['0-6月'] })).toBe(true)
    expect(canSeeChain(targeted, { roles: ['leader'], tags: [] })).toBe(true)
    expect(canSeeChain(chain(), { roles: [], tags: [] })).toBe(true)
  })

  test('a leader edits until anyone, a KOC included, could join', () => {
    expect(isEditable(chain({ status: 'draft' }), at('2026-12-01T19:29:59+08:00'))).toBe(true)
    expect(isEditable(chain({ status: 'draft' }), KOC_OPEN)).toBe(false)
    expect(isEditable(chain({ status: 'open' }), at('2026-11-30T10:00:00+08:00'))).toBe(false)
  })

  test('the phase a mother sees', () => {
    const before = at('2026-12-01T19:00:00+08:00')
    expect(phaseOf(chain({ status: 'draft' }), before)).toBe('upcoming')
    expect(phaseOf(chain({ status: 'draft' }), KOC_OPEN)).toBe('kocEarly')
    expect(phaseOf(chain({ status: 'draft' }), OPEN)).toBe('open')
    expect(phaseOf(chain({ remaining: 0 }), OPEN)).toBe('soldOut')
    expect(phaseOf(chain(), DEADLINE)).toBe('closed')
    for (const status of ['closed', 'formed', 'failed', 'fulfilled'] as const) expect(phaseOf(chain({ status }), OPEN)).toBe(status)
  })

  test('formed at the minimum (at least one sold), failed below', () => {
    expect(settleOutcome({ sold: 5, minToForm: 5 })).toBe('formed')
    expect(settleOutcome({ sold: 4, minToForm: 5 })).toBe('failed')
    expect(settleOutcome({ sold: 0, minToForm: 1 })).toBe('failed')
    expect(settleOutcome({ sold: 1, minToForm: 1 })).toBe('formed')
  })
})

describe('why a join is refused', () => {
  const state = (over: Partial<JoinState> = {}): JoinState => ({ status: 'open', openAt: OPEN, kocOpenAt: KOC_OPEN, deadline: DEADLINE, remaining: 5, perPersonLimit: 3, unit: '罐', held: 0, ...over })
  const refusal = (s: JoinState, qty: number, now = OPEN, koc = false) => {
    const e = joinRefusal(s, qty, now, koc)
    return e && { code: e.code, message: e.message }
  }

  test('closed first, then the limit, then the quota; null when nothing forbids it', () => {
    expect(refusal(state(), 2)).toBeNull()
    expect(refusal(state({ status: 'closed' }), 1)).toEqual({ code: 'CHAIN_CLOSED', message: '接龙已截止' })
    expect(refusal(state(), 1, DEADLINE)).toEqual({ code: 'CHAIN_CLOSED', message: '接龙已截止' })
    expect(refusal(state(), 1, KOC_OPEN)).toEqual({ code: 'CHAIN_CLOSED', message: '接龙 12-01 20:00 开始，请到时再来（体验官可提前参与）' })
    expect(refusal(state({ kocOpenAt: OPEN }), 1, KOC_OPEN)).toEqual({ code: 'CHAIN_CLOSED', message: '接龙 12-01 20:00 开始，请到时再来' })
    expect(refusal(state(), 1, KOC_OPEN, true)).toBeNull()
    expect(refusal(state({ remaining: 0 }), 4)).toEqual({ code: 'LIMIT_EXCEEDED', message: '每人限购 3 罐' })
    expect(refusal(state({ held: 2 }), 2)).toEqual({ code: 'LIMIT_EXCEEDED', message: '每人限购 3 罐，你已接龙 2 罐，最多还能加 1 罐' })
    expect(refusal(state({ held: 3 }), 1)).toEqual({ code: 'LIMIT_EXCEEDED', message: '每人限购 3 罐，你已接龙 3 罐' })
    expect(refusal(state({ remaining: 1 }), 2)).toEqual({ code: 'SOLD_OUT', message: '只剩 1 罐了，少接一点试试' })
    expect(refusal(state({ remaining: 0 }), 1)).toEqual({ code: 'SOLD_OUT', message: '手慢了，已经被抢完啦' })
    expect(refusal(state({ remaining: 2, held: 1 }), 2)).toBeNull()
  })
})

describe('sequence and first-N gifts', () => {
  const order = ['a', 'b', 'c', 'd'].map((k) => ({ k, n: `${k}**` }))
  const held = { a: 2, b: 1, c: 3, d: 1 }

  test('places are 1-based in join order; the first n hold the gift', () => {
    const c = chain({ order, held, firstNGift: { n: 2, gift: '围兜' } })
    expect(seqOf(order, 'c')).toBe(3)
    expect(seqOf(order, 'x')).toBeNull()
    expect([...giftHolders(c)]).toEqual(['a', 'b'])
    expect(giftFor(c, 'b')).toBe('围兜')
    expect(giftFor(c, 'c')).toBeUndefined()
    expect(giftFor(chain({ order, held }), 'a')).toBeUndefined()
  })

  test('exactly min(n, buyers) holders; a freed place passes to the next in line', () => {
    expect(giftHolders(chain({ order: order.slice(0, 1), firstNGift: { n: 3, gift: '围兜' } })).size).toBe(1)
    const afterCancel = chain({ order: order.filter((o) => o.k !== 'a'), firstNGift: { n: 2, gift: '围兜' } })
    expect([...giftHolders(afterCancel)]).toEqual(['b', 'c'])
  })

  test('fixed once formed: a later removal moves no gift', () => {
    const formed = chain({ status: 'formed', order: order.slice(1), gifted: ['a', 'b'], firstNGift: { n: 2, gift: '围兜' } })
    expect(giftFor(formed, 'b')).toBe('围兜')
    expect(giftFor(formed, 'c')).toBeUndefined()
  })

  test('the public list: masked names, quantities, gifts, paged', () => {
    const c = chain({ order, held, firstNGift: { n: 1, gift: '围兜' } })
    expect(joinList(c)).toEqual([
      { seq: 1, name: 'a**', qty: 2, gift: '围兜' }, { seq: 2, name: 'b**', qty: 1 }, { seq: 3, name: 'c**', qty: 3 }, { seq: 4, name: 'd**', qty: 1 },
    ])
    expect(joinList(c, 2, 1)).toEqual([{ seq: 3, name: 'c**', qty: 3 }])
  })
})

describe('an entry: status and the buttons each side gets', () => {
  const shipped = at('2026-12-03T10:00:00+08:00')

  test('已接龙 → 已成团 → 已发货 → 已签收; cancelled when nothing is held or the group failed', () => {
    expect(entryStatus(chain(), { held: 1 })).toBe('joined')
    expect(entryStatus(chain({ status: 'formed' }), { held: 1 })).toBe('formed')
    expect(entryStatus(chain({ status: 'formed' }), { held: 1, shippedAt: shipped })).toBe('shipped')
    expect(entryStatus(chain({ status: 'fulfilled' }), { held: 1, shippedAt: shipped, deliveredAt: shipped })).toBe('delivered')
    expect(entryStatus(chain(), { held: 0 })).toBe('cancelled')
    expect(entryStatus(chain({ status: 'failed' }), { held: 2 })).toBe('cancelled')
  })

  test('a mother cancels and raises while it takes joins; after-sales once delivered', () => {
    expect(motherActions(chain({ remaining: 3 }), { held: 1 }, OPEN, false)).toEqual(['cancel', 'raise'])
    expect(motherActions(chain({ remaining: 0 }), { held: 1 }, OPEN, false)).toEqual(['cancel'])
    expect(motherActions(chain(), { held: 3 }, OPEN, false)).toEqual(['cancel'])
    expect(motherActions(chain(), { held: 1 }, DEADLINE, false)).toEqual([])
    expect(motherActions(chain({ status: 'draft' }), { held: 1 }, KOC_OPEN, true)).toEqual(['cancel', 'raise'])
    expect(motherActions(chain({ status: 'formed' }), { held: 1 }, OPEN, false)).toEqual([])
    expect(motherActions(chain({ status: 'formed' }), { held: 1, shippedAt: shipped, deliveredAt: shipped }, OPEN, false)).toEqual(['afterSales'])
    expect(motherActions(chain(), { held: 0 }, OPEN, false)).toEqual([])
  })

  test('a leader removes before shipping, ships once formed, marks delivered once shipped', () => {
    expect(leaderActions(chain(), { held: 1 })).toEqual(['remove'])
    expect(leaderActions(chain({ status: 'formed' }), { held: 1 })).toEqual(['remove', 'ship'])
    expect(leaderActions(chain({ status: 'formed' }), { held: 1, shippedAt: shipped })).toEqual(['deliver'])
    expect(leaderActions(chain({ status: 'formed' }), { held: 1, shippedAt: shipped, deliveredAt: shipped })).toEqual([])
    expect(leaderActions(chain({ status: 'failed' }), { held: 1 })).toEqual([])
    expect(leaderActions(chain(), { held: 0 })).toEqual([])
  })
})

describe('views', () => {
  const entry: ChainEntryRecord = { _id: 'b', chainId: 'c1', openid: 'o-b', name: '李娜', joinedAt: OPEN, address: { name: '李娜', phone: '13800001111', region: '上海', detail: '1 号' } }
  const c = chain({ order: [{ k: 'a', n: '王**' }, { k: 'b', n: '李**' }], held: { a: 1, b: 2 }, sold: 3, remaining: 7, buyers: 2, firstNGift: { n: 2, gift: '围兜' }, originalPriceFen: 25800 })

  test('the chain view: price, quota bar, KOC window, gift rule', () => {
    expect(toChainView(c, OPEN)).toMatchObject({
      id: 'c1', sold: 3, remaining: 7, percent: 30, phase: 'open', statusLabel: '接龙中', kocOpenAt: KOC_OPEN.toISOString(), giftRule: '前 2 位接龙送围兜',
      price: { price: '¥198', original: '¥258', saving: '省 ¥60' },
    })
    expect(toChainView(chain({ kocEarlyMinutes: 0, kocOpenAt: OPEN }), OPEN).kocOpenAt).toBeUndefined()
  })

  test('her entry: place, amount in fen, gift, buttons; the leader’s: phone and address in full', () => {
    expect(toMyEntryView(c, entry, OPEN, false)).toMatchObject({ entryId: 'b', seq: 2, qty: 2, gift: '围兜', amountFen: 39600, status: 'joined', actions: ['cancel', 'raise'], hasAddress: true })
    expect(toLeaderEntryView(c, entry, '13900000000')).toMatchObject({ seq: 2, qty: 2, phone: '13800001111', name: '李娜', actions: ['remove'] })
    expect(toLeaderEntryView(c, { ...entry, address: undefined }, '13900000000').phone).toBe('13900000000')
    const cancelled = toMyEntryView(chain(), entry, OPEN, false)
    expect(cancelled).toMatchObject({ seq: null, qty: 0, status: 'cancelled', actions: [], amountFen: 0 })
    expect(cancelled.gift).toBeUndefined()
  })
})
