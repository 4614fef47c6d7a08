// Who asked to be reminded of which live (`liveReminders`), one document per mother and live.
import { createHash } from 'node:crypto'
import type { Database } from '../cloud'

export const LIVE_REMINDERS = 'liveReminders'

export interface LiveReminderSignup {
  _id: string
  liveId: string
  openid: string
  createdAt: Date
}

export const reminderSignupId = (liveId: string, openid: string) => `lr${createHash('sha256').update(`${liveId}\u0000${openid}`).digest('hex').slice(0, 32)}`

/** The live's signups by openid after `after` (the `liveId_openid` index). */
export async function signupsOf(db: Database, liveId: string, after: string, limit: number): Promise<string[]> {
  const _ = db.command
  const res = (await db.collection(LIVE_REMINDERS).where({ liveId, openid: _.gt(after) }).orderBy('openid', 'asc').limit(limit).field({ openid: true }).get()) as unknown as {
    data: Pick<LiveReminderSignup, 'openid'>[]
  }
  return res.data.map((s) => s.openid)
}

export async function isSignedUp(db: Database, liveId: string, openid: string): Promise<boolean> {
  const res = (await db.collection(LIVE_REMINDERS).where({ _id: reminderSignupId(liveId, openid) }).count()) as { total: number }
  return res.total > 0
}
