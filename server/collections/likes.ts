import type { Database } from '../cloud'
import { likeId, likeIncrements } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { DIARIES, findDiary } from './diaries'
import { insertIfAbsent } from './documents'

export const LIKES = 'likes'

const DIARY_GONE = '这条日记不存在或已被删除'

export interface LikeRecord {
  _id: string
  diaryId: string
  openid: string
  createdAt: Date
}

/**
 * Records "this mother liked this diary" once (`_id` = `<diaryId>_<openid>`) and counts it once.
 *
 * Two writes, made safe without a transaction: the like record (what she liked, for her feed and
 * her data), then ONE conditional update of the diary that counts her only while its `likers` does
 * not hold her. The condition sits in the update's query, so the count is exactly-once whatever the
 * order of retries, double taps or a crash between the two writes (the retry finds the record and
 * still counts her). Mothers liking one diary at once never conflict: on the real cloud a
 * transaction over that diary serialises them and fails the losers' writes at once (bench:cloud).
 * A like on her own diary counts in `likeCount` but not in `rankedLikes`.
 */
export async function likeOnce(db: Database, diaryId: string, openid: string, now: Date): Promise<{ counted: boolean; likeCount: number }> {
  const _ = db.command
  const diary = await findDiary(db, diaryId)
  if (!diary) throw new AppError('NOT_FOUND', DIARY_GONE)
  const like: LikeRecord = { _id: likeId(diaryId, openid), diaryId, openid, createdAt: now }
  await insertIfAbsent(db, LIKES, like)
  const inc = likeIncrements(diary, openid)
  const res = (await db
    .collection(DIARIES)
    .where({ _id: diaryId, likers: _.neq(openid) })
    .update({ data: { likeCount: _.inc(inc.likeCount), rankedLikes: _.inc(inc.rankedLikes), likers: _.push(openid) } })) as { stats: { updated: number } }
  const after = await findDiary(db, diaryId)
  if (!after) {
    // deleted while she liked it: the deletion may have swept likes before hers landed
    await db.collection(LIKES).doc(like._id).remove()
    throw new AppError('NOT_FOUND', DIARY_GONE)
  }
  return { counted: res.stats.updated === 1, likeCount: after.likeCount }
}

/** Takes one like back with what it added: the same conditional update in reverse, then the record. */
async function unlike(db: Database, like: LikeRecord): Promise<void> {
  const _ = db.command
  const diary = await findDiary(db, like.diaryId)
  if (diary) {
    const inc = likeIncrements(diary, like.openid)
    await db
      .collection(DIARIES)
      .where({ _id: like.diaryId, likers: like.openid })
      .update({ data: { likeCount: _.inc(-inc.likeCount), rankedLikes: _.inc(-inc.rankedLikes), likers: _.pull(like.openid) } })
  }
  await db.collection(LIKES).doc(like._id).remove()
}

const UNLIKE_PAGE = 100
const MAX_UNLIKES = 50_000

/** Takes back all of a mother's likes (account deletion). Each is its own transaction; a retry resumes. */
export async function unlikeAll(db: Database, openid: string): Promise<number> {
  let done = 0
  while (done < MAX_UNLIKES) {
    const res = (await db.collection(LIKES).where({ openid }).orderBy('_id', 'asc').limit(UNLIKE_PAGE).get()) as unknown as { data: LikeRecord[] }
    if (res.data.length === 0) break
    for (const like of res.data) await unlike(db, like)
    done += res.data.length
  }
  return done
}

/** Removes every like of a diary that is gone (on the `diaryId_1` index); a retry finds none left. */
export async function removeLikesOf(db: Database, diaryId: string): Promise<number> {
  const res = (await db.collection(LIKES).where({ diaryId }).remove()) as { stats: { removed: number } }
  return res.stats.removed
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
