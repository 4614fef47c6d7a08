import type { Database } from '../cloud'
import type { QuestionRecord } from '../../domain/content'
import { findById, insertOnce } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const QUESTIONS = 'questions'

/** `id` from the client's request id: a retried create answers the record the first attempt stored. */
export const insertQuestion = (db: Database, q: Omit<QuestionRecord, '_id'>, id?: string) => insertOnce(db, QUESTIONS, q, id)

export const findQuestion = (db: Database, id: string) => findById<QuestionRecord>(db, QUESTIONS, id)

/**
 * Records the answer only while the question is still open, in one conditional update, so two
 * leaders answering at once cannot overwrite each other. Answers whether this call answered it.
 */
export async function answerQuestion(
  db: Database,
  id: string,
  answer: Required<Pick<QuestionRecord, 'answer' | 'answeredBy' | 'answeredByName' | 'answeredAt'>>,
): Promise<boolean> {
  const res = (await db.collection(QUESTIONS).where({ _id: id, answered: false }).update({ data: { ...answer, answered: true } })) as {
    stats: { updated: number }
  }
  return res.stats.updated === 1
}

/** What a member may read, newest first: answered questions plus her own (only hers with `mine`). */
export async function listVisibleQuestions(db: Database, openid: string, mine: boolean, page: PageRequest): Promise<PageResult<QuestionRecord>> {
  const _ = db.command
  const coll = db.collection(QUESTIONS)
  const query = mine ? coll.where({ askedBy: openid }) : coll.where(_.or([{ answered: true }, { askedBy: openid }]))
  return readPage<QuestionRecord>(query, [['askedAt', 'desc']], page)
}

/** The leaders' queue: unanswered questions, oldest first so nobody waits forever. */
export async function listUnanswered(db: Database, page: PageRequest): Promise<PageResult<QuestionRecord>> {
  return readPage<QuestionRecord>(db.collection(QUESTIONS).where({ answered: false }), [['askedAt', 'asc']], page)
}

/**
 * Her question while nobody has answered it: asker and `answered: false` are in the write's query,
 * so an answer landing at the same moment and her edit or delete cannot both win.
 */
const ownOpenQuestion = (id: string, openid: string) => ({ _id: id, askedBy: openid, answered: false })

export async function editOwnOpenQuestion(db: Database, id: string, openid: string, question: string, editedAt: Date): Promise<boolean> {
  const res = (await db.collection(QUESTIONS).where(ownOpenQuestion(id, openid)).update({ data: { question, editedAt } })) as { stats: { updated: number } }
  return res.stats.updated === 1
}

export async function removeOwnOpenQuestion(db: Database, id: string, openid: string): Promise<boolean> {
  const res = (await db.collection(QUESTIONS).where(ownOpenQuestion(id, openid)).remove()) as { stats: { removed: number } }
  return res.stats.removed === 1
}
