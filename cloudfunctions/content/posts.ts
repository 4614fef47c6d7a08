// Posts: leaders publish tips and expert articles; members read a feed filtered by their tags.
import { canSeePost, displayName, toPostView, visibleTagsFor } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { contentSchemas, type EditPostParams } from '../../domain/schemas/content'
import { assertSafeText, SCENE } from '../../server/content-check'
import { toPage } from '../../server/collections/paging'
import { findPost, insertPost, listFeed, removePost, updatePost } from '../../server/collections/posts'
import type { Database } from '../../server/cloud'
import { recordIdFor } from '../../server/request-ids'
import { action } from '../../server/router'

const POST_MISSING = '这篇干货已经下架了'

/** The stored change for an edit: only the fields given; `targeted` follows the tags. */
function postChanges(db: Database, input: EditPostParams, editedAt: Date): Record<string, unknown> {
  const _ = db.command
  const data: Record<string, unknown> = { editedAt }
  if (input.title !== undefined) data.title = input.title
  if (input.body !== undefined) data.body = input.body
  if (input.kind !== undefined) data.kind = input.kind
  if (input.targetTags !== undefined) {
    const tags = [...new Set(input.targetTags)]
    data.targetTags = _.set(tags) // a whole new list, not merged into the old one
    data.targeted = tags.length > 0
  }
  if (input.coverFileID === null) data.coverFileID = _.remove()
  else if (input.coverFileID !== undefined) data.coverFileID = input.coverFileID
  return data
}

export const postActions = {
  publishPost: action({
    input: contentSchemas.publishPost,
    handler: async (input, ctx) => {
      const targetTags = [...new Set(input.targetTags ?? [])]
      // tag names are shown to members beside the post: they pass the check like the text
      await assertSafeText(ctx.cloud, ctx.openid, [input.title, input.body, ...targetTags], SCENE.forum)
      const post = {
        title: input.title,
        body: input.body,
        kind: input.kind,
        targetTags,
        targeted: targetTags.length > 0,
        ...(input.coverFileID ? { coverFileID: input.coverFileID } : {}),
        authorOpenid: ctx.openid,
        authorName: displayName(ctx.member, '亲亲宝贝团长'),
        publishedAt: ctx.now(),
      }
      return { id: await insertPost(ctx.db, post, recordIdFor(ctx.openid, 'content.publishPost', input.requestId)) }
    },
  }),

  post: action({
    input: contentSchemas.post,
    handler: async (input, ctx) => {
      const post = await findPost(ctx.db, input.id)
      // a post not meant for her reads as missing: the link tells her nothing she may not see
      if (!post || !canSeePost(post, { roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] })) throw new AppError('NOT_FOUND', '这篇干货已经下架或不对你的宝宝阶段开放')
      return toPostView(post)
    },
  }),

  editPost: action({
    input: contentSchemas.editPost,
    handler: async (input, ctx) => {
      await assertSafeText(ctx.cloud, ctx.openid, [input.title, input.body, ...(input.targetTags ?? [])], SCENE.forum)
      if (!(await updatePost(ctx.db, input.id, postChanges(ctx.db, input, ctx.now())))) throw new AppError('NOT_FOUND', POST_MISSING)
      const post = await findPost(ctx.db, input.id)
      if (!post) throw new AppError('NOT_FOUND', POST_MISSING) // removed by another leader a moment later
      return toPostView(post)
    },
  }),

  removePost: action({
    input: contentSchemas.removePost,
    handler: async (input, ctx) => {
      if (!(await removePost(ctx.db, input.id))) throw new AppError('NOT_FOUND', POST_MISSING)
      return { id: input.id, removed: true as const }
    },
  }),

  feed: action({
    input: contentSchemas.feed,
    handler: async (input, ctx) => {
      const visible = visibleTagsFor({ roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] })
      return toPage(await listFeed(ctx.db, visible, input), input, toPostView)
    },
  }),
}
