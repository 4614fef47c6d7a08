import type { Database } from '../cloud'
import type { MemberRecord } from '../../domain/member'

export const MEMBERS = 'members'

function isMissingDoc(e: unknown): boolean {
  const msg = String((e as { errMsg?: string })?.errMsg ?? e)
  return msg.includes('does not exist')
}

/** The caller's record, or null for a visitor who never applied. */
export async function findMember(db: Database, openid: string): Promise<MemberRecord | null> {
  try {
    const res = (await db.collection(MEMBERS).doc(openid).get()) as { data?: MemberRecord }
    return res.data ?? null
  } catch (e) {
    if (isMissingDoc(e)) return null
    throw e
  }
}
