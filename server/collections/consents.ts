// The one-time subscribe-message consents a mother has given and not yet used, per template
// (`consents`), mirroring the platform's own count: each accept in wx.requestSubscribeMessage allows
// exactly one message of that template, sendable any time later. A send spends one (in the same
// transaction that claims the message, server/collections/live-notices.ts); a platform refusal
// (43101) sets the count to 0, since the platform's count is the truth.
import { createHash } from 'node:crypto'
import type { Database } from '../cloud'
import { inTransaction } from '../transaction'
import { readInTransaction } from './tx'
import { LIVE_REMINDERS, reminderSignupId, type LiveReminderSignup } from './live-reminders'

export const CONSENTS = 'consents'

export interface ConsentRecord {
  _id: string
  openid: string
  templateId: string
  /** accepts not yet spent */
  credits: number
  /** credits > 0, kept beside it so the timer finds holders on an index */
  active: boolean
  /** the last grant counted: a resent `live.remind` is not counted twice */
  lastGrant?: string
  updatedAt: Date
}

export const consentId = (openid: string, templateId: string) => `cs${createHash('sha256').update(`${openid}\u0000${templateId}`).digest('hex').slice(0, 32)}`

export interface Grant {
  openid: string
  templateIds: string[]
  /** from the client's requestId (server/request-ids.ts) */
  grantId: string
  /** signs her up for this live's reminder */
  reminderFor?: string
  now: Date
}

/**
 * Counts one accept per template and, with a reminder accept, signs her up for the live's reminder:
 * one transaction, so a grant is counted whole or not at all, and a resend of the same grant
 * (`lastGrant`) counts nothing. Answers her credits per template afterwards.
 */
export async function recordGrant(db: Database, grant: Grant): Promise<Record<string, number>> {
  return inTransaction(db, async (t) => {
    const credits: Record<string, number> = {}
    for (const templateId of grant.templateIds) {
      const id = consentId(grant.openid, templateId)
      const current = await readInTransaction<ConsentRecord>(t, CONSENTS, id)
      if (current?.lastGrant === grant.grantId) {
        credits[templateId] = current.credits
        continue
      }
      const next = (current?.credits ?? 0) + 1
      const record: Omit<ConsentRecord, '_id'> = { openid: grant.openid, templateId, credits: next, active: true, lastGrant: grant.grantId, updatedAt: grant.now }
      await t.collection(CONSENTS).doc(id).set({ data: record })
      credits[templateId] = next
    }
    if (grant.reminderFor) {
      const id = reminderSignupId(grant.reminderFor, grant.openid)
      if (!(await readInTransaction(t, LIVE_REMINDERS, id))) {
        const signup: Omit<LiveReminderSignup, '_id'> = { liveId: grant.reminderFor, openid: grant.openid, createdAt: grant.now }
        await t.collection(LIVE_REMINDERS).doc(id).set({ data: signup })
      }
    }
    return credits
  })
}

export async function creditsOf(db: Database, openid: string, templateIds: string[]): Promise<Record<string, number>> {
  const _ = db.command
  const res = (await db.collection(CONSENTS).where({ _id: _.in(templateIds.map((t) => consentId(openid, t))) }).get()) as unknown as { data: ConsentRecord[] }
  return Object.fromEntries(templateIds.map((t) => [t, res.data.find((c) => c.templateId === t)?.credits ?? 0]))
}

/** Holders of an unspent consent for `templateId`, by openid after `after` (the `templateId_active_openid` index). */
export async function consentHolders(db: Database, templateId: string, after: string, limit: number): Promise<string[]> {
  const _ = db.command
  const res = (await db.collection(CONSENTS).where({ templateId, active: true, openid: _.gt(after) }).orderBy('openid', 'asc').limit(limit).field({ openid: true }).get()) as unknown as {
    data: Pick<ConsentRecord, 'openid'>[]
  }
  return res.data.map((c) => c.openid)
}

/** The platform refused for want of consent: its count is 0, whatever ours said. */
export async function clearCredits(db: Database, openid: string, templateId: string, now: Date): Promise<void> {
  await db.collection(CONSENTS).where({ _id: consentId(openid, templateId) }).update({ data: { credits: 0, active: false, updatedAt: now } })
}
