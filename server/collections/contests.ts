import type { Database } from '../cloud'
import type { ContestRecord } from '../../domain/content'
import { findById, insertDocument } from './documents'

export const CONTESTS = 'contests'

/** The contest list is short by nature (a few a month); the page shows the latest ones. */
export const CONTEST_LIST_LIMIT = 20

export const insertContest = (db: Database, contest: Omit<ContestRecord, '_id'>) => insertDocument(db, CONTESTS, contest)

export const findContest = (db: Database, id: string) => findById<ContestRecord>(db, CONTESTS, id)

export async function listContests(db: Database): Promise<ContestRecord[]> {
  const res = (await db.collection(CONTESTS).orderBy('createdAt', 'desc').limit(CONTEST_LIST_LIMIT).get()) as unknown as { data: ContestRecord[] }
  return res.data
}
