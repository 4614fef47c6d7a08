import type { Database } from '../cloud'
import type { DiaryRecord } from '../../domain/content'
import { findById, insertOnce } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const DIARIES = 'diaries'

/** How many entries a contest ranking reads (the page shows the top of it). */
export const RANKING_LIMIT = 100

/** `id` from the client's request id: a retried post answers the diary the first attempt stored. */
export const insertDiary = (db: Database, diary: Omit<DiaryRecord, '_id'>, id?: string) => insertOnce(db, DIARIES, diary, id)

export const findDiary = (db: Database, id: string) => findById<DiaryRecord>(db, DIARIES, id)

/** Diaries newest first, all or one contest's entries. */
export async function listDiaries(db: Database, contestId: string | undefined, page: PageRequest): Promise<PageResult<DiaryRecord>> {
  const coll = db.collection(DIARIES)
  return readPage<DiaryRecord>(contestId ? coll.where({ contestId }) : coll.where({}), [['createdAt', 'desc']], page)
}

/** A contest's leading entries in ranking order (most likes from others, then earliest), on the `contest_ranking` index. */
export async function topEntries(db: Database, contestId: string): Promise<DiaryRecord[]> {
  const res = (await db
    .collection(DIARIES)
    .where({ contestId })
    .orderBy('rankedLikes', 'desc')
    .orderBy('createdAt', 'asc')
    .limit(RANKING_LIMIT)
    .get()) as unknown as { data: DiaryRecord[] }
  return res.data
}

type Updated = { stats: { updated: number } }

/** Changes her text only when the diary is hers: the author is in the update's query, so nobody else's edit can land. */
export async function editOwnDiary(db: Database, id: string, openid: string, text: string, editedAt: Date): Promise<boolean> {
  const res = (await db.collection(DIARIES).where({ _id: id, openid }).update({ data: { text, editedAt } })) as Updated
  return res.stats.updated === 1
}

/**
 * Removes the diary only when it is hers (the author in the query). This write to the diary is also
 * what keeps likes consistent: a like's transaction writes the diary's counters, so one in flight
 * now conflicts, retries and finds the diary gone; one that committed before left its record for
 * the sweep that follows (likes.ts removeLikesOf).
 */
export async function removeOwnDiary(db: Database, id: string, openid: string): Promise<boolean> {
  const res = (await db.collection(DIARIES).where({ _id: id, openid }).remove()) as { stats: { removed: number } }
  return res.stats.removed === 1
}
