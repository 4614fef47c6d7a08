import type { Database } from '../cloud'
import type { ContestRecord, ContestWinner } from '../../domain/content'
import { findById, insertOnce } from './documents'

export const CONTESTS = 'contests'

/** The contest list is short by nature (a few a month); the page shows the latest ones. */
export const CONTEST_LIST_LIMIT = 20

/** `id` from the client's request id: a retried create answers the record the first attempt stored. */
export const insertContest = (db: Database, contest: Omit<ContestRecord, '_id'>, id?: string) => insertOnce(db, CONTESTS, contest, id)

export const findContest = (db: Database, id: string) => findById<ContestRecord>(db, CONTESTS, id)

export async function listContests(db: Database): Promise<ContestRecord[]> {
  const res = (await db.collection(CONTESTS).orderBy('createdAt', 'desc').limit(CONTEST_LIST_LIMIT).get()) as unknown as { data: ContestRecord[] }
  return res.data
}

/**
 * Closes the contest with its winners only if nobody closed it yet: the condition is in the write's
 * query, so two leaders closing at once store one result, and the loser reads the winner's.
 */
export async function closeIfOpen(db: Database, id: string, closedAt: Date, winners: ContestWinner[]): Promise<boolean> {
  const _ = db.command
  const res = (await db.collection(CONTESTS).where({ _id: id, closedAt: _.exists(false) }).update({ data: { closedAt, winners: _.set(winners) } })) as {
    stats: { updated: number }
  }
  return res.stats.updated === 1
}
