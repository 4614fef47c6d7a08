// The outbox of live messages (`liveNotices`): one document per (message kind, live, mother) with a
// fixed `_id`, written before the message is sent. It records every send and every refusal.
//
// Claiming is one transaction: the notice is created and, when she has an unspent consent for the
// template, one consent is spent. Of two timer runs (a retry, or two at once) only the one whose
// transaction commits the notice sends, so a mother never gets one message twice; a consent is spent
// exactly when a send is attempted. A crash between the claim and the send leaves the notice
// `sending` and that message unsent (a reminder is a courtesy: lost rather than doubled).
import { createHash } from 'node:crypto'
import type { Database } from '../cloud'
import { inTransaction } from '../transaction'
import { CONSENTS, consentId, type ConsentRecord } from './consents'
import { readInTransaction } from './tx'

export const LIVE_NOTICES = 'liveNotices'

export type LiveNoticeKind = 'liveAnnounce' | 'liveReminder'
export type LiveNoticeStatus = 'sending' | 'sent' | 'refused' | 'failed'

export interface LiveNoticeRecord {
  _id: string
  kind: LiveNoticeKind
  liveId: string
  openid: string
  templateId: string
  status: LiveNoticeStatus
  /** why it was not sent: no unspent consent on our count, or the platform's refusal */
  reason?: 'noConsent' | 'platformRefused' | 'platformError'
  errCode?: number
  createdAt: Date
  settledAt?: Date
}

export const liveNoticeId = (kind: LiveNoticeKind, liveId: string, openid: string) =>
  `${kind}_${liveId}_${createHash('sha256').update(openid).digest('hex').slice(0, 24)}`

/** 'send': claimed with a consent spent, send it now; 'refused': recorded, she has no consent; 'done': claimed before. */
export type Claim = 'send' | 'refused' | 'done'

export async function claimLiveNotice(db: Database, n: { kind: LiveNoticeKind; liveId: string; openid: string; templateId: string; now: Date }): Promise<{ id: string; claim: Claim }> {
  const id = liveNoticeId(n.kind, n.liveId, n.openid)
  const claim = await inTransaction(db, async (t): Promise<Claim> => {
    if (await readInTransaction(t, LIVE_NOTICES, id)) return 'done'
    const cid = consentId(n.openid, n.templateId)
    const consent = await readInTransaction<ConsentRecord>(t, CONSENTS, cid)
    const base = { kind: n.kind, liveId: n.liveId, openid: n.openid, templateId: n.templateId, createdAt: n.now }
    if (!consent || consent.credits <= 0) {
      await t.collection(LIVE_NOTICES).doc(id).set({ data: { ...base, status: 'refused', reason: 'noConsent', settledAt: n.now } })
      return 'refused'
    }
    const left = consent.credits - 1
    await t.collection(CONSENTS).doc(cid).update({ data: { credits: left, active: left > 0, updatedAt: n.now } })
    await t.collection(LIVE_NOTICES).doc(id).set({ data: { ...base, status: 'sending' } })
    return 'send'
  })
  return { id, claim }
}

export async function settleLiveNotice(db: Database, id: string, outcome: { status: Exclude<LiveNoticeStatus, 'sending'>; reason?: LiveNoticeRecord['reason']; errCode?: number }, now: Date): Promise<void> {
  await db.collection(LIVE_NOTICES).doc(id).update({ data: { ...outcome, settledAt: now } })
}
