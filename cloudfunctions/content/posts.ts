// Posts: leaders publish tips and expert articles; members read a feed filtered by their tags.
import { displayName, toPostView, visibleTagsFor } from '../../domain/content'
import { contentSchemas } from '../../domain/schemas/content'
import { assertSafeText, SCENE } from '../../server/content-check'
import { toPage } from '../../server/collections/paging'
import { insertPost, listFeed } from '../../server/collections/posts'
import { recordIdFor } from '../../server/request-ids'
import { action } from '../../server/router'

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

  feed: action({
    input: contentSchemas.feed,
    handler: async (input, ctx) => {
      const visible = visibleTagsFor({ roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] })
      return toPage(await listFeed(ctx.db, visible, input), input, toPostView)
    },
  }),
}
