// Everything the functions do with `chains`. A chain's document is its own ledger: beside the rules
// it holds `sold`, `remaining`, `buyers`, `held` (live quantity per entry id), `order` (live
// buyers in join order) and `counted` (join requests applied). Every change to them is ONE
// conditional update whose query carries the rule — quota, status, open time, deadline, her
// limit, "this request not counted yet" — so the database decides each join atomically against the
// latest state, and hundreds of mothers pressing at once never wait on a lock (a transaction over
// this document would refuse all but one of them; docs/DECISIONS.md).
//
// The SDK's update answers only how many documents changed, never the document, so a join learns
// its place in line by reading `order` after its update (`placeOf`): the order is append-only
// between cancellations, so what it reads is where the update put her.
import { createHash } from 'node:crypto'
import type { Database } from '../cloud'
import { JOINABLE_STATUSES, type ChainRecord, type ChainStatus, type OrderItem } from '../../domain/chain'
import { findById, insertOnce } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const CHAINS = 'chains'

type Query = ReturnType<ReturnType<Database['collection']>['where']>
type Where = Record<string, unknown>

/** The ledger fields a list never needs (they grow with the buyers). */
const WITHOUT_LEDGER = { order: false, held: false, counted: false } as const
/** How far back from the end of `order` a join looks for herself first. */
const TAIL = 64
/** Chains one timer run closes at most (the rest wait a minute). */
const DUE_LIMIT = 10

/**
 * A buyer's entry id: one per (chain, mother), so her raises, cancel and rejoin land on the same
 * entry and `held` has one key per person. 80 bits of a hash: it names nobody and never collides in
 * practice.
 */
export const entryKey = (chainId: string, openid: string) => `e${createHash('sha256').update(`${chainId}\u0000${openid}`).digest('hex').slice(0, 20)}`

/** What `counted` keeps of a join request: 64 bits of (openid, requestId), short because every request stays listed. */
export const requestKey = (openid: string, requestId: string) => createHash('sha256').update(`${openid}\u0000chain.join\u0000${requestId}`).digest('hex').slice(0, 16)

/** `id` from the client's request id: a retried create answers the chain the first attempt stored. */
export const insertChain = (db: Database, chain: Omit<ChainRecord, '_id'>, id?: string) => insertOnce(db, CHAINS, chain, id)

/** The whole document (ledger included), or null. */
export const findChain = (db: Database, id: string) => findById<ChainRecord>(db, CHAINS, id)

/** The document without the list of counted requests (what views and settling need). */
export async function findChainForView(db: Database, id: string): Promise<ChainRecord | null> {
  const res = (await db.collection(CHAINS).where({ _id: id }).field({ counted: false }).limit(1).get()) as unknown as { data: ChainRecord[] }
  return res.data[0] ?? null
}

/** Several chains for a list of entries: rules and ledger, without `counted`. */
export async function chainsByIds(db: Database, ids: string[]): Promise<Map<string, ChainRecord>> {
  if (ids.length === 0) return new Map()
  const _ = db.command
  const res = (await db.collection(CHAINS).where({ _id: _.in(ids) }).field({ counted: false }).limit(ids.length).get()) as unknown as { data: ChainRecord[] }
  return new Map(res.data.map((c) => [c._id, c]))
}

// ---------------------------------------------------------------- the join

export interface JoinAttempt {
  chainId: string
  /** her entry id (`entryKey`) */
  key: string
  /** the request (`requestKey`) */
  request: string
  qty: number
  now: Date
  /** she holds the koc role: the KOC open time applies */
  koc: boolean
  /** null: staff (every chain); else untargeted chains and those for one of these tags */
  visibleTags: string[] | null
  /** her masked name for the join list */
  name: string
}

function joinableWhere(db: Database, a: JoinAttempt): Where {
  const _ = db.command
  return {
    _id: a.chainId,
    status: _.in([...JOINABLE_STATUSES]),
    [a.koc ? 'kocOpenAt' : 'openAt']: _.lte(a.now),
    deadline: _.gt(a.now),
    remaining: _.gte(a.qty),
    // an array field: true while no element equals it, i.e. this request has not been counted
    counted: _.neq(a.request),
  }
}

function targeted(db: Database, where: Where, visibleTags: string[] | null): Query {
  const _ = db.command
  const coll = db.collection(CHAINS)
  if (visibleTags === null) return coll.where(where)
  const reach = visibleTags.length === 0 ? [{ targeted: false }] : [{ targeted: false }, { targetTags: _.in(visibleTags) }]
  return coll.where(_.and([where, _.or(reach)]))
}

const applied = (res: unknown) => (res as { stats: { updated: number } }).stats.updated === 1

/**
 * A new buyer: one conditional update admits her while the chain takes joins (status, her open time,
 * the deadline), has `qty` left, she may see it, `qty` is within the per-person limit, she holds
 * nothing yet and this request was not counted. It sells the cans, puts her at the end of the line
 * and counts the request in the same write. False: one of those did not hold (`joinState` tells which).
 */
export async function admitNewBuyer(db: Database, a: JoinAttempt): Promise<boolean> {
  const _ = db.command
  const where = { ...joinableWhere(db, a), perPersonLimit: _.gte(a.qty), [`held.${a.key}`]: _.exists(false) }
  const item: OrderItem = { k: a.key, n: a.name }
  const res = await targeted(db, where, a.visibleTags).update({
    data: {
      remaining: _.inc(-a.qty),
      sold: _.inc(a.qty),
      buyers: _.inc(1),
      order: _.push([item]),
      [`held.${a.key}`]: a.qty,
      counted: _.push([a.request]),
    },
  })
  return applied(res)
}

/** A buyer adding to her entry: as a new buyer, but only while her quantity stays within `limit`. */
export async function admitRaise(db: Database, a: JoinAttempt, limit: number): Promise<boolean> {
  const _ = db.command
  const where = { ...joinableWhere(db, a), [`held.${a.key}`]: _.lte(limit - a.qty) }
  const res = await db.collection(CHAINS).where(where).update({
    data: { remaining: _.inc(-a.qty), sold: _.inc(a.qty), [`held.${a.key}`]: _.inc(a.qty), counted: _.push([a.request]) },
  })
  return applied(res)
}

/** What decides a join for one buyer, read after a refused update: small (no ledger but her own line). */
export type JoinStateRecord = Pick<ChainRecord, '_id' | 'status' | 'openAt' | 'kocOpenAt' | 'deadline' | 'remaining' | 'perPersonLimit' | 'unit' | 'targetTags'> & {
  /** what she holds now (0: nothing) */
  held: number
  /** this request was counted already: a resend of a join that went through */
  counted: boolean
}

/**
 * One read answers both why the update was refused and whether this request had been counted: the
 * database tests `counted` for the request itself (an aggregation `$in`), so the list never travels.
 */
export async function joinState(db: Database, chainId: string, key: string, request: string): Promise<JoinStateRecord | null> {
  const $ = db.command.aggregate
  const res = (await db.collection(CHAINS).aggregate().match({ _id: chainId }).project({
    status: 1, openAt: 1, kocOpenAt: 1, deadline: 1, remaining: 1, perPersonLimit: 1, unit: 1, targetTags: 1, held: `$held.${key}`, counted: $.in([request, '$counted']),
  }).limit(1).end()) as { list: (Omit<JoinStateRecord, 'held'> & { held?: number | null })[] }
  const doc = res.list[0]
  if (!doc) return null
  return { ...doc, held: doc.held ?? 0, counted: doc.counted === true }
}

export interface Place {
  /** 1-based place in the join list, null when she holds nothing (cancelled since) */
  seq: number | null
  held: number
  gift?: string
}

/**
 * Where she stands now: her place in `order`, found in its last TAIL items when she just joined
 * (`buyers` is the length of `order`, written in the same update, so her place follows from her
 * position in the tail); the whole list otherwise.
 */
export async function placeOf(db: Database, chainId: string, key: string): Promise<Place> {
  const _ = db.command
  type Doc = Pick<ChainRecord, 'buyers' | 'order' | 'firstNGift' | 'gifted'> & { held?: Record<string, number> }
  const read = async (order: unknown): Promise<Doc | undefined> =>
    ((await db.collection(CHAINS).where({ _id: chainId }).field({ buyers: true, order, firstNGift: true, gifted: true, [`held.${key}`]: true }).limit(1).get()) as unknown as { data: Doc[] }).data[0]
  let doc = await read(_.project.slice(-TAIL))
  const held = doc?.held?.[key] ?? 0
  if (!doc || held <= 0) return { seq: null, held: 0 }
  let i = doc.order.findIndex((o) => o.k === key)
  let seq = i < 0 ? null : doc.buyers - (doc.order.length - 1 - i)
  if (seq === null) {
    doc = await read(true)
    i = doc?.order.findIndex((o) => o.k === key) ?? -1
    seq = i < 0 ? null : i + 1
  }
  if (!doc || seq === null) return { seq: null, held: 0 }
  const gift = !doc.firstNGift ? undefined : doc.gifted ? (doc.gifted.includes(key) ? doc.firstNGift.gift : undefined) : seq <= doc.firstNGift.n ? doc.firstNGift.gift : undefined
  return { seq, held, ...(gift ? { gift } : {}) }
}

/**
 * Gives back everything she holds (`held`, read before), in one conditional update that applies only
 * while she still holds exactly that and the chain is in one of `statuses` (and, for a member,
 * before `deadlineAfter`): the quantity returns to `remaining`, she leaves the line (the next in line
 * moves up, into a first-N gift if there is one) and her allowance is whole again. A retry finds her
 * holding nothing and changes nothing: restored exactly once. False: her holding changed (she
 * raised meanwhile), or the chain moved on.
 */
export async function releaseEntry(db: Database, r: { chainId: string; key: string; held: number; statuses: ChainStatus[]; deadlineAfter?: Date }): Promise<boolean> {
  const _ = db.command
  const where: Where = { _id: r.chainId, status: _.in(r.statuses), [`held.${r.key}`]: r.held }
  if (r.deadlineAfter) where.deadline = _.gt(r.deadlineAfter)
  const res = await db.collection(CHAINS).where(where).update({
    data: { remaining: _.inc(r.held), sold: _.inc(-r.held), buyers: _.inc(-1), order: _.pull({ k: r.key }), [`held.${r.key}`]: _.remove() },
  })
  return applied(res)
}

/** What she holds on the chain now (0: nothing). */
export async function heldBy(db: Database, chainId: string, key: string): Promise<{ exists: boolean; held: number; status?: ChainStatus; deadline?: Date }> {
  const res = (await db.collection(CHAINS).where({ _id: chainId }).field({ status: true, deadline: true, [`held.${key}`]: true }).limit(1).get()) as unknown as {
    data: { status: ChainStatus; deadline: Date; held?: Record<string, number> }[]
  }
  const doc = res.data[0]
  return doc ? { exists: true, held: doc.held?.[key] ?? 0, status: doc.status, deadline: doc.deadline } : { exists: false, held: 0 }
}

// ---------------------------------------------------------------- leaders' edits and closing

/** A leader's edit, only while nobody (a KOC included) may join yet: the time is in the query. */
export async function updateDraft(db: Database, id: string, now: Date, data: Record<string, unknown>): Promise<boolean> {
  const _ = db.command
  return applied(await db.collection(CHAINS).where({ _id: id, status: 'draft', kocOpenAt: _.gt(now) }).update({ data: { ...data, updatedAt: now } }))
}

/** Stops the joins (a leader early, or the timer at the deadline); false when it was not taking joins. */
export async function closeChain(db: Database, id: string, by: 'leader' | 'deadline', now: Date): Promise<boolean> {
  const _ = db.command
  return applied(await db.collection(CHAINS).where({ _id: id, status: _.in([...JOINABLE_STATUSES]) }).update({ data: { status: 'closed', closedAt: now, closedBy: by } }))
}

/**
 * Decides a closed chain: formed (the gift holders fixed) or failed. Applies only while it is still
 * closed with the sold and buyers it was decided on (a leader's removal in between: decide again).
 */
export async function settleChain(db: Database, chain: Pick<ChainRecord, '_id' | 'sold' | 'buyers'>, outcome: 'formed' | 'failed', gifted: string[] | undefined, now: Date): Promise<boolean> {
  const data: Record<string, unknown> = { status: outcome, settledAt: now }
  if (outcome === 'formed' && gifted) data.gifted = gifted
  return applied(await db.collection(CHAINS).where({ _id: chain._id, status: 'closed', sold: chain.sold, buyers: chain.buyers }).update({ data }))
}

/** The timer opens the drafts whose open time has come (joins did not wait for it: this is for lists and messages). */
export async function openDueChains(db: Database, now: Date): Promise<number> {
  const _ = db.command
  const res = (await db.collection(CHAINS).where({ status: 'draft', openAt: _.lte(now) }).update({ data: { status: 'open', openedAt: now } })) as { stats: { updated: number } }
  return res.stats.updated
}

/** Chains past their deadline still taking joins, and closed ones not decided yet (a run that stopped). */
export async function dueToSettle(db: Database, now: Date): Promise<ChainRecord[]> {
  const _ = db.command
  const [due, closed] = await Promise.all([
    db.collection(CHAINS).where({ status: _.in([...JOINABLE_STATUSES]), deadline: _.lte(now) }).orderBy('deadline', 'asc').field({ counted: false }).limit(DUE_LIMIT).get() as unknown as Promise<{ data: ChainRecord[] }>,
    db.collection(CHAINS).where({ status: 'closed' }).orderBy('deadline', 'asc').field({ counted: false }).limit(DUE_LIMIT).get() as unknown as Promise<{ data: ChainRecord[] }>,
  ])
  return [...closed.data, ...due.data]
}

/** Marks a formed chain fulfilled once every live entry is delivered. */
export async function markFulfilled(db: Database, id: string, now: Date): Promise<boolean> {
  return applied(await db.collection(CHAINS).where({ _id: id, status: 'formed' }).update({ data: { status: 'fulfilled', fulfilledAt: now } }))
}

// ---------------------------------------------------------------- lists

/**
 * Chains a mother may join or look forward to: drafts and open ones before their deadline, soonest
 * deadline first, on the `status_deadline` index; targeting as for lives (`visibleTags` null =
 * every chain).
 */
export function pageOpenChains(db: Database, visibleTags: string[] | null, now: Date, page: PageRequest): Promise<PageResult<ChainRecord>> {
  const _ = db.command
  const base = { status: _.in([...JOINABLE_STATUSES]), deadline: _.gt(now) }
  const branches = visibleTags === null ? [base] : visibleTags.length === 0 ? [{ ...base, targeted: false }] : [{ ...base, targeted: false }, { ...base, targetTags: _.in(visibleTags) }]
  const query = (branches.length === 1 ? db.collection(CHAINS).where(branches[0]) : db.collection(CHAINS).where(_.or(branches))).field(WITHOUT_LEDGER)
  return readPage<ChainRecord>(query, [['deadline', 'asc']], page)
}
