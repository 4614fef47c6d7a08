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
