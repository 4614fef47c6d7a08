// Everything the functions do with the `members` collection (`_id` = openid).
import type { Database } from '../cloud'
import { isMissingDocument } from '../db-errors'
import { insertIfAbsent } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'
import type { MemberRecord } from '../../domain/member'

export const MEMBERS = 'members'

type Where = Record<string, unknown>

/** The caller's record, or null for a visitor who never applied. */
export async function findMember(db: Database, openid: string): Promise<MemberRecord | null> {
  try {
    const res = (await db.collection(MEMBERS).doc(openid).get()) as { data?: MemberRecord }
    return res.data ?? null
  } catch (e) {
    if (isMissingDocument(e)) return null
    throw e
  }
}

/** Creates her record; false when one appeared meanwhile (a double tap racing itself). */
export const insertMember = (db: Database, record: MemberRecord) => insertIfAbsent(db, MEMBERS, record)

/**
 * Updates her record only while it is still in one of `statuses`; the condition and the write are
 * one atomic operation, so two leaders deciding at once cannot both win. Returns whether it applied.
 */
export async function updateIfStatus(db: Database, openid: string, statuses: MemberRecord['status'][], data: Record<string, unknown>): Promise<boolean> {
  const _ = db.command
  // `updated` counts documents changed, not matched: an identical second tap would change nothing
  // and read as a lost race, so every applied update also moves `revision`
  const res = await db.collection(MEMBERS).where({ _id: openid, status: statuses.length === 1 ? statuses[0] : _.in(statuses) }).update({ data: { ...data, revision: _.inc(1) } })
  return (res as { stats: { updated: number } }).stats.updated === 1
}

export interface MemberQuery {
  status?: MemberRecord['status']
  tag?: string
  keyword?: string
}

function whereOf(db: Database, q: MemberQuery): Where {
  const where: Where = {}
  if (q.status) where.status = q.status
  if (q.tag) where.tags = q.tag // array field: matches when the array contains it
  if (q.keyword) where.nickname = db.RegExp({ regexp: q.keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), options: 'i' })
  return where
}

/** One page, explicitly limited (never rely on the server's default page size), plus the total. */
export function pageMembers(db: Database, q: MemberQuery, order: [field: string, dir: 'asc' | 'desc'], page: PageRequest): Promise<PageResult<MemberRecord>> {
  return readPage<MemberRecord>(db.collection(MEMBERS).where(whereOf(db, q)), [order], page)
}

/** Walks every admitted member in pages of `size` (timer jobs), ordered by _id for a stable walk. */
export async function* everyMember(db: Database, size = 100): AsyncGenerator<MemberRecord[]> {
  const _ = db.command
  let after = ''
  for (;;) {
    const res = (await db.collection(MEMBERS).where({ _id: _.gt(after), status: 'member' }).orderBy('_id', 'asc').limit(size).get()) as unknown as { data: MemberRecord[] }
    if (res.data.length === 0) return
    yield res.data
    after = res.data[res.data.length - 1]._id
    if (res.data.length < size) return
  }
}

/**
 * How many records carry each tag: one count per tag on the `tags_1` (multikey) index, so the cost
 * follows the number of tags, never the number of members.
 */
export async function countByTags(db: Database, tags: readonly string[]): Promise<Map<string, number>> {
  const totals = await Promise.all(tags.map(async (tag) => ((await db.collection(MEMBERS).where({ tags: tag }).count()) as { total: number }).total))
  return new Map(tags.map((tag, i) => [tag, totals[i]]))
}

/** Her export files, remembered so deleting her account deletes them too (one atomic push). */
export async function rememberExportFiles(db: Database, openid: string, fileIDs: string[]): Promise<void> {
  const _ = db.command
  await db.collection(MEMBERS).doc(openid).update({ data: { exportFileIDs: _.push(fileIDs) } })
}
