import type { Database } from '../cloud'
import { likeId, likeIncrements, type DiaryRecord } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { inTransaction } from '../transaction'
import { DIARIES } from './diaries'
import { readInTransaction } from './tx'

export const LIKES = 'likes'

export interface LikeRecord {
  _id: string
  diaryId: string
  openid: string
  createdAt: Date
}

/** Every mother liking one diary writes its counters: a few retries more than the default. */
const HOT_DOCUMENT_ATTEMPTS = 12

/**
 * Records "this mother liked this diary" once (`_id` = `<diaryId>_<openid>`) and counts it, in one
 * transaction: the like and its count are stored together or not at all, so a retry after a crash
 * finds either both (nothing to do) or neither (it counts now). A like on her own diary counts in
 * `likeCount` but not in `rankedLikes`.
 */
export function likeOnce(db: Database, diaryId: string, openid: string, now: Date): Promise<{ counted: boolean; likeCount: number }> {
  const _ = db.command
  return inTransaction(
    db,
    async (t) => {
      const diary = await readInTransaction<DiaryRecord>(t, DIARIES, diaryId)
      if (!diary) throw new AppError('NOT_FOUND', '这条日记不存在或已被删除')
      const id = likeId(diaryId, openid)
      if (await readInTransaction<LikeRecord>(t, LIKES, id)) return { counted: false, likeCount: diary.likeCount ?? 0 }
      const like: LikeRecord = { _id: id, diaryId, openid, createdAt: now }
      const inc = likeIncrements(diary, openid)
      await t.collection(LIKES).add({ data: like })
      await t.collection(DIARIES).doc(diaryId).update({ data: { likeCount: _.inc(inc.likeCount), rankedLikes: _.inc(inc.rankedLikes) } })
      return { counted: true, likeCount: (diary.likeCount ?? 0) + inc.likeCount }
    },
    { attempts: HOT_DOCUMENT_ATTEMPTS },
  )
}

/** Takes one like back with what it added to the diary's counters, in one transaction. */
async function unlike(db: Database, id: string): Promise<void> {
  const _ = db.command
  await inTransaction(
    db,
    async (t) => {
      const like = await readInTransaction<LikeRecord>(t, LIKES, id)
      if (!like) return // taken back by an earlier attempt
      await t.collection(LIKES).doc(id).remove()
      const diary = await readInTransaction<DiaryRecord>(t, DIARIES, like.diaryId)
      if (!diary) return
      const inc = likeIncrements(diary, like.openid)
      await t.collection(DIARIES).doc(like.diaryId).update({ data: { likeCount: _.inc(-inc.likeCount), rankedLikes: _.inc(-inc.rankedLikes) } })
    },
    { attempts: HOT_DOCUMENT_ATTEMPTS },
  )
}

const UNLIKE_PAGE = 100
const MAX_UNLIKES = 50_000

/** Takes back all of a mother's likes (account deletion). Each is its own transaction; a retry resumes. */
export async function unlikeAll(db: Database, openid: string): Promise<number> {
  let done = 0
  while (done < MAX_UNLIKES) {
    const res = (await db.collection(LIKES).where({ openid }).orderBy('_id', 'asc').limit(UNLIKE_PAGE).get()) as unknown as { data: LikeRecord[] }
    if (res.data.length === 0) break
    for (const like of res.data) await unlike(db, like._id)
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
