// The admin set (`settings/admins`): one document every role change reads and writes in the same
// transaction as the member's roles. Two admins demoting each other at once therefore both write
// this document; the database lets one commit and retries the other, which then finds its caller
// no longer an admin. Roles on the member documents stay what the router authorises from.
import type { Database } from '../cloud'
import type { MemberRecord } from '../../domain/member'
import { findById, insertIfAbsent } from './documents'
import { MEMBERS } from './members'
import { SETTINGS } from './settings'

export const ADMIN_SET_ID = 'admins'

export interface AdminSet {
  _id: typeof ADMIN_SET_ID
  openids: string[]
}

/** Most admins a community has; the seed reads at most this many (an explicit limit, as every read). */
const MAX_ADMINS = 100

/**
 * The first admin is written by hand in `members` (DEPLOY.md), so the set may not exist yet: seed
 * it from the members holding the admin role. Two seeds at once write the same content; one wins.
 */
export async function ensureAdminSet(db: Database): Promise<void> {
  if (await findById<AdminSet>(db, SETTINGS, ADMIN_SET_ID)) return
  const res = (await db.collection(MEMBERS).where({ roles: 'admin' }).limit(MAX_ADMINS).get()) as unknown as { data: MemberRecord[] }
  const set: AdminSet = { _id: ADMIN_SET_ID, openids: res.data.map((m) => m._id).sort() }
  await insertIfAbsent(db, SETTINGS, set)
}
