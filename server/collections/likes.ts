import type { Database } from '../cloud'
import { likeId } from '../../domain/content'
import { insertIfAbsent } from './documents'

export const LIKES = 'likes'

export interface LikeRecord {
  _id: string
  diaryId: string
  openid: string
  createdAt: Date
}

/**
 * Records "this mother liked this diary" once: the `_id` is `<diaryId>_<openid>`, so a second
 * like collides. Answers true only for the insert that created it.
 */
export function insertLike(db: Database, diaryId: string, openid: string, now: Date): Promise<boolean> {
  const like: LikeRecord = { _id: likeId(diaryId, openid), diaryId, openid, createdAt: now }
  return insertIfAbsent(db, LIKES, like)
}

/** Which of `diaryIds` this mother has liked. */
export async function likedAmong(db: Database, openid: string, diaryIds: readonly string[]): Promise<Set<string>> {
  if (diaryIds.length === 0) return new Set()
  const _ = db.command
  const res = (await db
    .collection(LIKES)
    .where({ _id: _.in(diaryIds.map((id) => likeId(id, openid))) })
    .limit(diaryIds.length)
    .get()) as unknown as { data: LikeRecord[] }
  return new Set(res.data.map((l) => l.diaryId))
}
