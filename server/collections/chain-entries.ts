// Everything the functions do with `chainEntries`: one document per (chain, mother), `_id` =
// `entryKey(chainId, openid)`. It says who she is and where her parcel goes; what she holds and
// whether the entry is live is the chain's `held` (server/collections/chains.ts). Written after the
// chain's update admitted her, by insert-if-absent on that fixed `_id`, so a resent join repairs a
// missing one and never stores two.
import type { Database } from '../cloud'
import type { ChainEntryRecord, DeliveryAddress } from '../../domain/chain'
import { findById, insertIfAbsent } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const CHAIN_ENTRIES = 'chainEntries'

export const findEntry = (db: Database, id: string) => findById<ChainEntryRecord>(db, CHAIN_ENTRIES, id)

export async function entriesByIds(db: Database, ids: string[]): Promise<Map<string, ChainEntryRecord>> {
  if (ids.length === 0) return new Map()
  const _ = db.command
  const res = (await db.collection(CHAIN_ENTRIES).where({ _id: _.in(ids) }).limit(ids.length).get()) as unknown as { data: ChainEntryRecord[] }
  return new Map(res.data.map((e) => [e._id, e]))
}

/**
 * Her entry after the chain admitted her: inserted the first time; on a rejoin after a cancel the
 * cancel mark goes and the join time moves; a new address or note replaces the old. A resend finds
 * it in place and changes nothing.
 */
export async function recordEntry(db: Database, entry: ChainEntryRecord): Promise<void> {
  if (await insertIfAbsent(db, CHAIN_ENTRIES, entry)) return
  const _ = db.command
  await db.collection(CHAIN_ENTRIES).where({ _id: entry._id, cancelledAt: _.exists(true) }).update({
    data: { joinedAt: entry.joinedAt, cancelledAt: _.remove(), cancelledBy: _.remove() },
  })
  const changes: Record<string, unknown> = {}
  if (entry.address) changes.address = _.set(entry.address)
  if (entry.note) changes.note = entry.note
  if (Object.keys(changes).length) await db.collection(CHAIN_ENTRIES).doc(entry._id).update({ data: changes })
}

/** The address asked for before packing; not once the parcel left. False: no such entry, or shipped. */
export async function setEntryAddress(db: Database, id: string, address: DeliveryAddress): Promise<boolean> {
  const _ = db.command
  const res = (await db.collection(CHAIN_ENTRIES).where({ _id: id, shippedAt: _.exists(false) }).update({ data: { address: _.set(address), revision: _.inc(1) } })) as {
    stats: { updated: number }
  }
  return res.stats.updated === 1
}

/** The cancel mark, after the chain gave her quantity back (the chain is the truth; this is for lists). */
export async function markCancelled(db: Database, id: string, by: 'member' | 'leader', now: Date): Promise<void> {
  await db.collection(CHAIN_ENTRIES).where({ _id: id }).update({ data: { cancelledAt: now, cancelledBy: by } })
}

/**
 * A leader's removal claims the entry first: only while it has not shipped, and shipping is refused
 * to an entry so marked, so a parcel never leaves for a removed entry. False: shipped (or missing).
 */
export async function claimRemoval(db: Database, id: string, now: Date): Promise<boolean> {
  const _ = db.command
  // `updated` counts documents changed, not matched: a repeated removal in the same millisecond would
  // change nothing and read as "shipped", so every claim also moves `revision`
  const res = (await db.collection(CHAIN_ENTRIES).where({ _id: id, shippedAt: _.exists(false) }).update({
    data: { cancelledAt: now, cancelledBy: 'leader', revision: _.inc(1) },
  })) as { stats: { updated: number } }
  return res.stats.updated === 1
}

/** Her entries, newest first (`openid_joinedAt`). */
export function pageMemberEntries(db: Database, openid: string, page: PageRequest): Promise<PageResult<ChainEntryRecord>> {
  return readPage<ChainEntryRecord>(db.collection(CHAIN_ENTRIES).where({ openid }), [['joinedAt', 'desc']], page)
}

/** A chain's cancelled entries, in join order (`chainId_joinedAt`). */
export function pageCancelledEntries(db: Database, chainId: string, page: PageRequest): Promise<PageResult<ChainEntryRecord>> {
  const _ = db.command
  return readPage<ChainEntryRecord>(db.collection(CHAIN_ENTRIES).where({ chainId, cancelledAt: _.exists(true) }), [['joinedAt', 'asc']], page)
}

/**
 * Marks entries shipped: one update over the ids given, only those not shipped and not cancelled (a
 * leader's removal claims its entry first, so a removed entry never ships). Answers how many.
 */
export async function markShipped(db: Database, ids: string[], data: { courier?: string; trackingNo?: string }, now: Date): Promise<number> {
  if (ids.length === 0) return 0
  const _ = db.command
  const res = (await db.collection(CHAIN_ENTRIES).where({ _id: _.in(ids), shippedAt: _.exists(false), cancelledAt: _.exists(false) }).update({
    data: { shippedAt: now, ...data },
  })) as { stats: { updated: number } }
  return res.stats.updated
}

/** Marks shipped entries delivered (once). Answers how many. */
export async function markDelivered(db: Database, ids: string[], now: Date): Promise<number> {
  if (ids.length === 0) return 0
  const _ = db.command
  const res = (await db.collection(CHAIN_ENTRIES).where({ _id: _.in(ids), shippedAt: _.exists(true), deliveredAt: _.exists(false) }).update({ data: { deliveredAt: now } })) as {
    stats: { updated: number }
  }
  return res.stats.updated
}

/** How many of `ids` are not delivered yet. */
export async function undelivered(db: Database, ids: string[]): Promise<number> {
  if (ids.length === 0) return 0
  const _ = db.command
  return ((await db.collection(CHAIN_ENTRIES).where({ _id: _.in(ids), deliveredAt: _.exists(false) }).count()) as { total: number }).total
}
