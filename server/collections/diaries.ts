import type { Database } from '../cloud'
import type { DiaryRecord } from '../../domain/content'
import { findById, insertDocument } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const DIARIES = 'diaries'

/** How many entries a contest ranking reads (the page shows the top of it). */
export const RANKING_LIMIT = 100

export const insertDiary = (db: Database, diary: Omit<DiaryRecord, '_id'>) => insertDocument(db, DIARIES, diary)

export const findDiary = (db: Database, id: string) => findById<DiaryRecord>(db, DIARIES, id)

/** Diaries newest first, all or one contest's entries. */
export async function listDiaries(db: Database, contestId: string | undefined, page: PageRequest): Promise<PageResult<DiaryRecord>> {
  const coll = db.collection(DIARIES)
  return readPage<DiaryRecord>(contestId ? coll.where({ contestId }) : coll.where({}), [['createdAt', 'desc']], page)
}

/** An atomic increment: concurrent likes of different mothers never lose one another. */
export async function incrementLikes(db: Database, id: string): Promise<void> {
  await db.collection(DIARIES).doc(id).update({ data: { likeCount: db.command.inc(1) } })
}

/** A contest's leading entries in ranking order (most likes, then earliest). */
export async function topEntries(db: Database, contestId: string): Promise<DiaryRecord[]> {
  const res = (await db
    .collection(DIARIES)
    .where({ contestId })
    .orderBy('likeCount', 'desc')
    .orderBy('createdAt', 'asc')
    .limit(RANKING_LIMIT)
    .get()) as unknown as { data: DiaryRecord[] }
  return res.data
}
