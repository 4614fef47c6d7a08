import type { Database } from '../cloud'
import type { PostRecord } from '../../domain/content'
import { insertOnce } from './documents'
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
