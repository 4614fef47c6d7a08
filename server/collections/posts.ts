import type { Database } from '../cloud'
import type { PostRecord } from '../../domain/content'
import { findById, insertOnce } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const POSTS = 'posts'

/** `id` from the client's request id: a retried create answers the record the first attempt stored. */
export const insertPost = (db: Database, post: Omit<PostRecord, '_id'>, id?: string) => insertOnce(db, POSTS, post, id)

/**
 * The feed, newest first. `visibleTags` null = every post (staff); otherwise untargeted posts plus
 * posts targeting one of those tags — the same rule as domain `canSeePost`, done by the database
 * so paging and totals stay right.
 */
export async function listFeed(db: Database, visibleTags: string[] | null, page: PageRequest): Promise<PageResult<PostRecord>> {
  const _ = db.command
  const coll = db.collection(POSTS)
  const query =
    visibleTags === null
      ? coll.where({})
      : visibleTags.length === 0
        ? coll.where({ targeted: false })
        : coll.where(_.or([{ targeted: false }, { targetTags: _.in(visibleTags) }]))
  return readPage<PostRecord>(query, [['publishedAt', 'desc']], page)
}

export const findPost = (db: Database, id: string) => findById<PostRecord>(db, POSTS, id)

/** Applies a leader's edit (plain fields and database commands); false when the post is gone. */
export async function updatePost(db: Database, id: string, data: Record<string, unknown>): Promise<boolean> {
  const res = (await db.collection(POSTS).where({ _id: id }).update({ data })) as { stats: { updated: number } }
  return res.stats.updated === 1
}

export async function removePost(db: Database, id: string): Promise<boolean> {
  const res = (await db.collection(POSTS).where({ _id: id }).remove()) as { stats: { removed: number } }
  return res.stats.removed === 1
}
