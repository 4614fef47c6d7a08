import type { Database } from '../cloud'
import { CURATE_FROM, PUBLIC_STATES, type CurationTarget, type LiveQuestionRecord, type LiveQuestionState } from '../../domain/live'
import { findById, insertOnce } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const LIVE_QUESTIONS = 'liveQuestions'

export const insertLiveQuestion = (db: Database, q: Omit<LiveQuestionRecord, '_id'>, id?: string) => insertOnce(db, LIVE_QUESTIONS, q, id)

export const findLiveQuestion = (db: Database, id: string) => findById<LiveQuestionRecord>(db, LIVE_QUESTIONS, id)

/** The leaders' queue of one live, oldest first; one state or all (`liveId_state_askedAt` / `liveId_askedAt`). */
export async function listLiveQuestions(db: Database, liveId: string, state: LiveQuestionState | undefined, page: PageRequest): Promise<PageResult<LiveQuestionRecord>> {
  const query = db.collection(LIVE_QUESTIONS).where(state ? { liveId, state } : { liveId })
  return readPage<LiveQuestionRecord>(query, [['askedAt', 'asc']], page)
}

/** What members see of one live: picked and answered questions, oldest first. */
export async function listPublicQuestions(db: Database, liveId: string, page: PageRequest): Promise<PageResult<LiveQuestionRecord>> {
  const _ = db.command
  return readPage<LiveQuestionRecord>(db.collection(LIVE_QUESTIONS).where({ liveId, state: _.in([...PUBLIC_STATES]) }), [['askedAt', 'asc']], page)
}

/**
 * Moves a question to `to` only from a state the rule allows (domain CURATE_FROM): the allowed
 * states are in the update's query, so two leaders curating at once cannot undo an answer.
 */
export async function curate(db: Database, id: string, to: CurationTarget, change: { by: string; at: Date; answer?: string }): Promise<boolean> {
  const _ = db.command
  const data: Record<string, unknown> = { state: to, curatedBy: change.by, curatedAt: change.at }
  if (to === 'answered') Object.assign(data, { answer: change.answer, answeredAt: change.at })
  const res = (await db.collection(LIVE_QUESTIONS).where({ _id: id, state: _.in([...CURATE_FROM[to]]) }).update({ data })) as { stats: { updated: number } }
  return res.stats.updated === 1
}
