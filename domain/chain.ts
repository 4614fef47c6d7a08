// Buy chains (接龙): a members-only price on a hard quota, sold exactly once. Pure rules over plain
// data; the `chain` function and the pages both lean on them.
//
// Where the truth lives (server/collections/chains.ts): the chain document itself carries, beside
// its rules, what is sold and to whom — `held` (each buyer's live quantity, keyed by her entry's
// id), `order` (live buyers in the order they joined) and `counted` (the requests applied). One
// conditional update changes them together, so sold = Σ held ≤ quota, each held ≤ the per-person
// limit and the first-N gifts go to the first n of `order` at every moment, not only at rest.
// An entry document (`chainEntries`) says who the buyer is and where the parcel goes.
import { AppError } from './errors'
import { maskName } from './masking'
import { quotaProgress } from './quota'
import { isStaff, type Caller, type Role } from './roles'

export { maskName }

// ---------------------------------------------------------------- states and labels

/**
 * draft: scheduled, editable until its (KOC) open time; open: taking joins until the deadline;
 * closed: the deadline passed or a leader closed it (a moment: the same run decides formed or
 * failed); formed: enough sold to form the group; failed: below the minimum, every entry cancelled;
 * fulfilled: every entry delivered.
 */
export const CHAIN_STATUSES = ['draft', 'open', 'closed', 'formed', 'failed', 'fulfilled'] as const
export type ChainStatus = (typeof CHAIN_STATUSES)[number]
export const CHAIN_STATUS_LABELS: Record<ChainStatus, string> = {
  draft: '未开始',
  open: '接龙中',
  closed: '已截止',
  formed: '已成团',
  failed: '未成团',
  fulfilled: '已完成',
}

/** Statuses in which a chain takes joins (a draft once its open time has come: the timer may be a minute late). */
export const JOINABLE_STATUSES: readonly ChainStatus[] = ['draft', 'open']

/** What a mother sees of the chain right now. */
export type ChainPhase = 'upcoming' | 'kocEarly' | 'open' | 'soldOut' | 'closed' | 'formed' | 'failed' | 'fulfilled'
export const CHAIN_PHASE_LABELS: Record<ChainPhase, string> = {
  upcoming: '即将开始',
  kocEarly: '体验官优先',
  open: '接龙中',
  soldOut: '已抢完',
  closed: '已截止',
  formed: '已成团',
  failed: '未成团',
  fulfilled: '已完成',
}

/** After-sales promises a leader may show on a chain, as codes (stored) with their labels (shown). */
export const PROMISE_CODES = ['noReason7d', 'fakeTenfold', 'openedRefund'] as const
export type PromiseCode = (typeof PROMISE_CODES)[number]
export const PROMISE_LABELS: Record<PromiseCode, string> = {
  noReason7d: '7 天无理由',
  fakeTenfold: '假一赔十',
  openedRefund: '开罐不满意未食用部分可退',
}

export function promiseLabels(codes: readonly PromiseCode[]): { code: PromiseCode; label: string }[] {
  // shown in one fixed order whatever order the leader ticked them in
  return PROMISE_CODES.filter((c) => codes.includes(c)).map((code) => ({ code, label: PROMISE_LABELS[code] }))
}

/** An entry's life: 已接龙 → 已成团 → 已发货 → 已签收, or cancelled. */
export const ENTRY_STATUSES = ['joined', 'formed', 'shipped', 'delivered', 'cancelled'] as const
export type EntryStatus = (typeof ENTRY_STATUSES)[number]
export const ENTRY_STATUS_LABELS: Record<EntryStatus, string> = {
  joined: '已接龙',
  formed: '已成团',
  shipped: '已发货',
  delivered: '已签收',
  cancelled: '已取消',
}

// ---------------------------------------------------------------- records

export interface FirstNGift {
  /** the first n buyers by sequence get it */
  n: number
  gift: string
}

/** One live buyer in `order`: her entry's id and her masked name (the join list shows nothing more). */
export interface OrderItem {
  k: string
  n: string
}

export interface ChainRecord {
  _id: string
  title: string
  product: string
  spec?: string
  /** what one unit is called in the join list (`2 罐`) */
  unit: string
  coverFileID?: string
  priceFen: number
  originalPriceFen?: number
  quota: number
  perPersonLimit: number
  openAt: Date
  /** minutes before `openAt` a KOC may join (0: none) */
  kocEarlyMinutes: number
  /** `openAt` − the KOC window: stored so the join's condition can name it */
  kocOpenAt: Date
  deadline: Date
  /** sold needed to form the group (成团); at least 1 */
  minToForm: number
  firstNGift?: FirstNGift
  liveId?: string
  targetTags: string[]
  targeted: boolean
  promises: PromiseCode[]
  status: ChainStatus
  sold: number
  remaining: number
  /** live buyers (= order.length) */
  buyers: number
  order: OrderItem[]
  /** live quantity per buyer, keyed by her entry's id */
  held: Record<string, number>
  /** keys of the join requests applied: a resent request is never counted twice */
  counted: string[]
  /** the gift holders, fixed when the group formed (a later removal moves no gift) */
  gifted?: string[]
  createdBy: string
  createdAt: Date
  updatedAt?: Date
  openedAt?: Date
  closedAt?: Date
  closedBy?: 'leader' | 'deadline'
  settledAt?: Date
  fulfilledAt?: Date
}

/** A delivery address as `chooseAddress` (weapp) or the H5 form gives it. */
export interface DeliveryAddress {
  name: string
  phone: string
  region: string
  detail: string
}

/**
 * A document of `chainEntries`: one per (chain, mother), `_id` derived from both. Who she is and
 * where the parcel goes; her quantity and whether the entry is live are the chain's `held`.
 */
export interface ChainEntryRecord {
  _id: string
  chainId: string
  openid: string
  /** her nickname when she first joined (leaders pack by it) */
  name: string
  joinedAt: Date
  address?: DeliveryAddress
  note?: string
  cancelledAt?: Date
  cancelledBy?: 'member' | 'leader'
  shippedAt?: Date
  courier?: string
  trackingNo?: string
  deliveredAt?: Date
}

// ---------------------------------------------------------------- money

/** `12800` → `¥128`, `12850` → `¥128.50`: integer fen, never a float sum. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const yuan = Math.floor(abs / 100)
  const cents = abs % 100
  return `${sign}¥${yuan}${cents ? `.${String(cents).padStart(2, '0')}` : ''}`
}

/** What a member saves against the original price, or null when there is none to show. */
export function savingFen(priceFen: number, originalPriceFen: number | undefined): number | null {
  if (originalPriceFen === undefined || originalPriceFen <= priceFen) return null
  return originalPriceFen - priceFen
}

/** The price block: `¥128`, `¥168` struck through, `省 ¥40`. */
export function priceDisplay(priceFen: number, originalPriceFen?: number): { price: string; original?: string; saving?: string } {
  const saving = savingFen(priceFen, originalPriceFen)
  return {
    price: formatFen(priceFen),
    ...(saving !== null && originalPriceFen !== undefined ? { original: formatFen(originalPriceFen), saving: `省 ${formatFen(saving)}` } : {}),
  }
}

// ---------------------------------------------------------------- time windows

export const MINUTE = 60_000
/** How far ahead a chain may open or close. */
export const MAX_AHEAD_MS = 90 * 24 * 60 * MINUTE
/** The longest KOC window. */
export const MAX_KOC_EARLY_MINUTES = 24 * 60

export const kocOpenAtFor = (openAt: Date, kocEarlyMinutes: number): Date => new Date(openAt.getTime() - kocEarlyMinutes * MINUTE)

/** The KOC window is for holders of the `koc` role only (staff roles open no window). */
export const isKoc = (roles: readonly Role[]): boolean => roles.includes('koc')

/** When she may join: a KOC from the KOC window, everyone else from the open time. */
export function joinOpensAt(chain: Pick<ChainRecord, 'openAt' | 'kocOpenAt'>, koc: boolean): Date {
  return new Date(koc ? chain.kocOpenAt : chain.openAt)
}

/** Whether the chain takes her join now (quota aside). */
export function isJoinable(chain: Pick<ChainRecord, 'status' | 'openAt' | 'kocOpenAt' | 'deadline'>, now: Date, koc: boolean): boolean {
  return JOINABLE_STATUSES.includes(chain.status) && joinOpensAt(chain, koc).getTime() <= now.getTime() && now.getTime() < new Date(chain.deadline).getTime()
}

/** A leader may edit the chain until anyone, a KOC included, could join it. */
export function isEditable(chain: Pick<ChainRecord, 'status' | 'kocOpenAt'>, now: Date): boolean {
  return chain.status === 'draft' && now.getTime() < new Date(chain.kocOpenAt).getTime()
}

export function phaseOf(chain: Pick<ChainRecord, 'status' | 'openAt' | 'kocOpenAt' | 'deadline' | 'remaining'>, now: Date): ChainPhase {
  if (chain.status === 'formed' || chain.status === 'failed' || chain.status === 'fulfilled' || chain.status === 'closed') return chain.status
  if (now.getTime() >= new Date(chain.deadline).getTime()) return 'closed'
  if (now.getTime() < new Date(chain.kocOpenAt).getTime()) return 'upcoming'
  if (now.getTime() < new Date(chain.openAt).getTime()) return 'kocEarly'
  return chain.remaining <= 0 ? 'soldOut' : 'open'
}

/** The outcome a closing decides: formed when the minimum was reached (and something was sold). */
export function settleOutcome(chain: Pick<ChainRecord, 'sold' | 'minToForm'>): 'formed' | 'failed' {
  return chain.sold >= Math.max(1, chain.minToForm) ? 'formed' : 'failed'
}

// ---------------------------------------------------------------- visibility

/** Staff see every chain; a mother sees untargeted ones and those for one of her tags. */
export function canSeeChain(chain: Pick<ChainRecord, 'targetTags'>, viewer: { roles: Caller['roles']; tags: readonly string[] }): boolean {
  if (isStaff(viewer) || chain.targetTags.length === 0) return true
  return chain.targetTags.some((t) => viewer.tags.includes(t))
}

// ---------------------------------------------------------------- sequence and gifts

/** Her place in the join list (1-based), or null when she holds nothing. */
export function seqOf(order: readonly OrderItem[], key: string): number | null {
  const i = order.findIndex((o) => o.k === key)
  return i < 0 ? null : i + 1
}

/** The entries holding a first-N gift: fixed at formation, before that the first n live buyers. */
export function giftHolders(chain: Pick<ChainRecord, 'order' | 'firstNGift' | 'gifted'>): Set<string> {
  if (chain.gifted) return new Set(chain.gifted)
  const n = chain.firstNGift?.n ?? 0
  return new Set(chain.order.slice(0, n).map((o) => o.k))
}

/** Her gift, if her place is among the first n (a freed place passes to the next in line). */
export function giftFor(chain: Pick<ChainRecord, 'order' | 'firstNGift' | 'gifted'>, key: string): string | undefined {
  if (!chain.firstNGift) return undefined
  return giftHolders(chain).has(key) ? chain.firstNGift.gift : undefined
}

/** The gift rule in words, for the chain page. */
export function giftRuleText(gift: FirstNGift | undefined): string | undefined {
  return gift ? `前 ${gift.n} 位接龙送${gift.gift}` : undefined
}

export interface JoinListItem {
  seq: number
  name: string
  qty: number
  gift?: string
}

/** The public join list, `1. 王** 2 罐`: masked names only, in order. */
export function joinList(chain: Pick<ChainRecord, 'order' | 'held' | 'firstNGift' | 'gifted'>, from = 0, count = chain.order.length): JoinListItem[] {
  const holders = giftHolders(chain)
  return chain.order.slice(from, from + count).map((o, i) => ({
    seq: from + i + 1,
    name: o.n,
    qty: chain.held[o.k] ?? 0,
    ...(chain.firstNGift && holders.has(o.k) ? { gift: chain.firstNGift.gift } : {}),
  }))
}

export const joinLine = (item: JoinListItem, unit: string): string => `${item.seq}. ${item.name} ${item.qty} ${unit}`

// ---------------------------------------------------------------- why a join was refused

export interface JoinState {
  status: ChainStatus
  openAt: Date
  kocOpenAt: Date
  deadline: Date
  remaining: number
  perPersonLimit: number
  unit: string
  /** what she holds now (0: not a buyer) */
  held: number
}

const clock = (at: Date): string => new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(5, 16).replace('T', ' ')

/**
 * Why a join of `qty` cannot go through in `state`, or null when nothing in the state forbids it
 * (the join then lost a race and is tried again). Checked in this order: closed, limit, quota, so
 * a mother hears the reason she can act on.
 */
export function joinRefusal(state: JoinState, qty: number, now: Date, koc: boolean): AppError | null {
  if (!JOINABLE_STATUSES.includes(state.status) || now.getTime() >= new Date(state.deadline).getTime()) return new AppError('CHAIN_CLOSED', '接龙已截止')
  const opens = joinOpensAt(state, koc)
  if (now.getTime() < opens.getTime()) {
    const early = !koc && new Date(state.kocOpenAt).getTime() < new Date(state.openAt).getTime() ? '（体验官可提前参与）' : ''
    return new AppError('CHAIN_CLOSED', `接龙 ${clock(opens)} 开始，请到时再来${early}`)
  }
  const room = state.perPersonLimit - state.held
  if (qty > room) {
    const u = state.unit
    return new AppError('LIMIT_EXCEEDED', state.held > 0
      ? `每人限购 ${state.perPersonLimit} ${u}，你已接龙 ${state.held} ${u}${room > 0 ? `，最多还能加 ${room} ${u}` : ''}`
      : `每人限购 ${state.perPersonLimit} ${u}`)
  }
  if (state.remaining < qty) {
    return new AppError('SOLD_OUT', state.remaining > 0 ? `只剩 ${state.remaining} ${state.unit}了，少接一点试试` : '手慢了，已经被抢完啦')
  }
  return null
}

// ---------------------------------------------------------------- an entry's state and actions

export interface EntryFacts {
  /** her live quantity on the chain (0: cancelled or never held) */
  held: number
  shippedAt?: Date
  deliveredAt?: Date
}

export function entryStatus(chain: Pick<ChainRecord, 'status'>, entry: EntryFacts): EntryStatus {
  if (entry.held <= 0 || chain.status === 'failed') return 'cancelled'
  if (entry.deliveredAt) return 'delivered'
  if (entry.shippedAt) return 'shipped'
  if (chain.status === 'formed' || chain.status === 'fulfilled') return 'formed'
  return 'joined'
}

/** What a mother may do with her entry: 取消 before the deadline, 加购 up to the limit while it sells, 售后 once delivered. */
export type MotherAction = 'cancel' | 'raise' | 'afterSales'
/** What a leader may do with an entry: 移除 before it ships, 发货 once formed, 签收 once shipped. */
export type LeaderAction = 'remove' | 'ship' | 'deliver'

type ChainFacts = Pick<ChainRecord, 'status' | 'openAt' | 'kocOpenAt' | 'deadline' | 'remaining' | 'perPersonLimit'>

export function motherActions(chain: ChainFacts, entry: EntryFacts, now: Date, koc: boolean): MotherAction[] {
  const status = entryStatus(chain, entry)
  const out: MotherAction[] = []
  const joinable = isJoinable(chain, now, koc)
  if (status === 'joined' && joinable) out.push('cancel')
  if (status === 'joined' && joinable && entry.held < chain.perPersonLimit && chain.remaining > 0) out.push('raise')
  if (status === 'delivered') out.push('afterSales')
  return out
}

export function leaderActions(chain: Pick<ChainRecord, 'status'>, entry: EntryFacts): LeaderAction[] {
  const status = entryStatus(chain, entry)
  const out: LeaderAction[] = []
  if ((status === 'joined' || status === 'formed') && !entry.shippedAt) out.push('remove')
  if (status === 'formed') out.push('ship')
  if (status === 'shipped') out.push('deliver')
  return out
}

// ---------------------------------------------------------------- views

export interface ChainView {
  id: string
  title: string
  product: string
  spec?: string
  unit: string
  coverFileID?: string
  priceFen: number
  originalPriceFen?: number
  price: { price: string; original?: string; saving?: string }
  quota: number
  sold: number
  remaining: number
  /** 0–100, for the quota bar */
  percent: number
  perPersonLimit: number
  openAt: string
  /** present when KOCs may join earlier */
  kocOpenAt?: string
  kocEarlyMinutes: number
  deadline: string
  status: ChainStatus
  statusLabel: string
  phase: ChainPhase
  phaseLabel: string
  minToForm: number
  firstNGift?: FirstNGift
  giftRule?: string
  promises: { code: PromiseCode; label: string }[]
  liveId?: string
  targetTags: string[]
  buyers: number
}

export interface ChainDetailView extends ChainView {
  /** one page of the masked join list */
  entries: JoinListItem[]
  page: number
  pageSize: number
  /** the caller's own entry on this chain, when she holds one */
  mine?: MyEntryView
}

export interface MyEntryView {
  entryId: string
  chainId: string
  chainTitle: string
  product: string
  unit: string
  seq: number | null
  qty: number
  gift?: string
  priceFen: number
  amountFen: number
  status: EntryStatus
  statusLabel: string
  actions: MotherAction[]
  joinedAt: string
  courier?: string
  trackingNo?: string
  hasAddress: boolean
}

export interface LeaderEntryView {
  entryId: string
  seq: number | null
  qty: number
  gift?: string
  status: EntryStatus
  statusLabel: string
  actions: LeaderAction[]
  /** her nickname in full, her phone in full: leaders pack and deliver by them */
  name: string
  phone: string
  address?: DeliveryAddress
  note?: string
  joinedAt: string
  courier?: string
  trackingNo?: string
}

const iso = (d: Date | string): string => new Date(d).toISOString()

export function toChainView(chain: ChainRecord, now: Date): ChainView {
  const phase = phaseOf(chain, now)
  const bar = quotaProgress(chain.sold, chain.quota)
  return {
    id: chain._id,
    title: chain.title,
    product: chain.product,
    ...(chain.spec ? { spec: chain.spec } : {}),
    unit: chain.unit,
    ...(chain.coverFileID ? { coverFileID: chain.coverFileID } : {}),
    priceFen: chain.priceFen,
    ...(chain.originalPriceFen !== undefined ? { originalPriceFen: chain.originalPriceFen } : {}),
    price: priceDisplay(chain.priceFen, chain.originalPriceFen),
    quota: chain.quota,
    sold: chain.sold,
    remaining: chain.remaining,
    percent: bar.percent,
    perPersonLimit: chain.perPersonLimit,
    openAt: iso(chain.openAt),
    ...(chain.kocEarlyMinutes > 0 ? { kocOpenAt: iso(chain.kocOpenAt) } : {}),
    kocEarlyMinutes: chain.kocEarlyMinutes,
    deadline: iso(chain.deadline),
    status: chain.status,
    statusLabel: CHAIN_STATUS_LABELS[chain.status],
    phase,
    phaseLabel: CHAIN_PHASE_LABELS[phase],
    minToForm: chain.minToForm,
    ...(chain.firstNGift ? { firstNGift: chain.firstNGift, giftRule: giftRuleText(chain.firstNGift) } : {}),
    promises: promiseLabels(chain.promises),
    ...(chain.liveId ? { liveId: chain.liveId } : {}),
    targetTags: chain.targetTags,
    buyers: chain.buyers,
  }
}

export function toMyEntryView(chain: ChainRecord, entry: Pick<ChainEntryRecord, '_id' | 'joinedAt' | 'shippedAt' | 'deliveredAt' | 'courier' | 'trackingNo' | 'address'>, now: Date, koc: boolean): MyEntryView {
  const held = chain.held[entry._id] ?? 0
  const facts: EntryFacts = { held, shippedAt: entry.shippedAt, deliveredAt: entry.deliveredAt }
  const status = entryStatus(chain, facts)
  const gift = status === 'cancelled' ? undefined : giftFor(chain, entry._id)
  return {
    entryId: entry._id,
    chainId: chain._id,
    chainTitle: chain.title,
    product: chain.product,
    unit: chain.unit,
    seq: status === 'cancelled' ? null : seqOf(chain.order, entry._id),
    qty: held,
    ...(gift ? { gift } : {}),
    priceFen: chain.priceFen,
    amountFen: chain.priceFen * held,
    status,
    statusLabel: ENTRY_STATUS_LABELS[status],
    actions: motherActions(chain, facts, now, koc),
    joinedAt: iso(entry.joinedAt),
    ...(entry.courier ? { courier: entry.courier } : {}),
    ...(entry.trackingNo ? { trackingNo: entry.trackingNo } : {}),
    hasAddress: entry.address !== undefined,
  }
}

export function toLeaderEntryView(chain: ChainRecord, entry: ChainEntryRecord, phone: string): LeaderEntryView {
  const held = chain.held[entry._id] ?? 0
  const facts: EntryFacts = { held, shippedAt: entry.shippedAt, deliveredAt: entry.deliveredAt }
  const status = entryStatus(chain, facts)
  const gift = status === 'cancelled' ? undefined : giftFor(chain, entry._id)
  return {
    entryId: entry._id,
    seq: status === 'cancelled' ? null : seqOf(chain.order, entry._id),
    qty: held,
    ...(gift ? { gift } : {}),
    status,
    statusLabel: ENTRY_STATUS_LABELS[status],
    actions: leaderActions(chain, facts),
    name: entry.name,
    phone: entry.address?.phone ?? phone,
    ...(entry.address ? { address: entry.address } : {}),
    ...(entry.note ? { note: entry.note } : {}),
    joinedAt: iso(entry.joinedAt),
    ...(entry.courier ? { courier: entry.courier } : {}),
    ...(entry.trackingNo ? { trackingNo: entry.trackingNo } : {}),
  }
}
