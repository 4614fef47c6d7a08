// Once-only notices (`notices`): one document per notice with a fixed `_id`, written before the
// message is sent. Inserting it is the claim: of two closings (or a retry) only the one whose
// insert lands sends, so a mother is never told twice. A crash between the claim and the send loses
// that notice rather than risking a second one (a notice is a courtesy). Names no openid: the
// recipient is looked up when sending.
import type { Database } from '../cloud'
import { insertIfAbsent } from './documents'

export const NOTICES = 'notices'

export type NoticeStatus = 'sending' | 'sent' | 'refused' | 'failed' | 'skipped'

export interface NoticeRecord {
  _id: string
  kind: 'contestWinner'
  contestId: string
  diaryId: string
  rank: number
  status: NoticeStatus
  createdAt: Date
  settledAt?: Date
  /** the platform's error code when not sent (43101 = no consent) */
  errCode?: number
}

export const contestWinnerNoticeId = (contestId: string, rank: number) => `contestWinner_${contestId}_${rank}`

/** True when this call claimed the notice and must send it; false when it was claimed before. */
export const claimNotice = (db: Database, notice: Omit<NoticeRecord, 'status'>) => insertIfAbsent(db, NOTICES, { ...notice, status: 'sending' as const })

export async function settleNotice(db: Database, id: string, status: Exclude<NoticeStatus, 'sending'>, settledAt: Date, errCode?: number): Promise<void> {
  await db.collection(NOTICES).doc(id).update({ data: { status, settledAt, ...(errCode === undefined ? {} : { errCode }) } })
}
