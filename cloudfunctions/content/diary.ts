// Growth diary (晒娃): photo + a line, likes counted once per mother, themed contests with a ranking.
import { assertContestOpen, displayName, rankEntries, toContestView, toDiaryView, type DiaryRecord } from '../../domain/content'
import { assertDeadlineInRange } from '../../domain/date-bounds'
import { AppError } from '../../domain/errors'
import { contentSchemas } from '../../domain/schemas/content'
import { assertSafeText, SCENE } from '../../server/content-check'
import { findContest, insertContest, listContests } from '../../server/collections/contests'
import { editOwnDiary, findDiary, insertDiary, listDiaries, removeOwnDiary, topEntries } from '../../server/collections/diaries'
import { likedAmong, likeOnce, removeLikesOf } from '../../server/collections/likes'
import { consumeRateLimit } from '../../server/collections/rate-limits'
import type { Database } from '../../server/cloud'
import { recordIdFor } from '../../server/request-ids'
import { action } from '../../server/router'

const CONTEST_MISSING = '活动不存在或已被删除'
const DIARY_MISSING = '这条日记不存在或已被删除'

const NOT_HER_DIARY = '只能修改或删除自己发的日记'

/** Why a write limited to her own diary changed nothing: it is gone, or it is someone else's. */
async function refuseOthersDiary(db: Database, id: string): Promise<never> {
  if (!(await findDiary(db, id))) throw new AppError('NOT_FOUND', DIARY_MISSING)
  throw new AppError('FORBIDDEN', NOT_HER_DIARY)
}

async function viewsFor(db: Database, openid: string, diaries: DiaryRecord[]) {
  const liked = await likedAmong(db, openid, diaries.map((d) => d._id))
  return diaries.map((d) => toDiaryView(d, openid, liked.has(d._id)))
}

export const diaryActions = {
  postDiary: action({
    input: contentSchemas.postDiary,
    handler: async (input, ctx) => {
      const id = recordIdFor(ctx.openid, 'content.postDiary', input.requestId)
      if (id && (await findDiary(ctx.db, id))) return { id } // a retry of a post already stored
      await consumeRateLimit(ctx.db, ctx.openid, 'content.postDiary', ctx.now())
      if (input.contestId) {
        const contest = await findContest(ctx.db, input.contestId)
        if (!contest) throw new AppError('NOT_FOUND', CONTEST_MISSING)
        assertContestOpen(contest, ctx.now())
      }
      await assertSafeText(ctx.cloud, ctx.openid, [input.text], SCENE.socialLog)
      const stored = await insertDiary(
        ctx.db,
        {
          openid: ctx.openid,
          authorName: displayName(ctx.member),
          text: input.text,
          photoFileID: input.photoFileID,
          ...(input.contestId ? { contestId: input.contestId } : {}),
          likeCount: 0,
          rankedLikes: 0,
          createdAt: ctx.now(),
        },
        id,
      )
      return { id: stored }
    },
  }),

  editDiary: action({
    input: contentSchemas.editDiary,
    handler: async (input, ctx) => {
      await consumeRateLimit(ctx.db, ctx.openid, 'content.edit', ctx.now())
      await assertSafeText(ctx.cloud, ctx.openid, [input.text], SCENE.socialLog)
      const editedAt = ctx.now()
      if (!(await editOwnDiary(ctx.db, input.id, ctx.openid, input.text, editedAt))) await refuseOthersDiary(ctx.db, input.id)
      return { id: input.id, editedAt: editedAt.toISOString() }
    },
  }),

  /**
   * Two writes that repair themselves: the diary goes first (only hers), then every like of it. A
   * retry after a failure between them finds the diary gone, sweeps the likes left behind and
   * answers NOT_FOUND (the page reads that as "already deleted"). Its counts leave every ranking
   * with it, because rankings read the diaries.
   */
  deleteDiary: action({
    input: contentSchemas.deleteDiary,
    handler: async (input, ctx) => {
      if (!(await removeOwnDiary(ctx.db, input.id, ctx.openid))) {
        if (await findDiary(ctx.db, input.id)) throw new AppError('FORBIDDEN', NOT_HER_DIARY)
        await removeLikesOf(ctx.db, input.id) // left behind by an attempt that stopped halfway
        throw new AppError('NOT_FOUND', DIARY_MISSING)
      }
      await removeLikesOf(ctx.db, input.id)
      return { id: input.id, deleted: true as const }
    },
  }),

  like: action({
    input: contentSchemas.like,
    handler: async (input, ctx) => {
      await consumeRateLimit(ctx.db, ctx.openid, 'content.like', ctx.now())
      const { counted, likeCount } = await likeOnce(ctx.db, input.id, ctx.openid, ctx.now())
      return { liked: true as const, counted, likeCount }
    },
  }),

  diaries: action({
    input: contentSchemas.diaries,
    handler: async (input, ctx) => {
      const res = await listDiaries(ctx.db, input.contestId, input)
      return { items: await viewsFor(ctx.db, ctx.openid, res.items), total: res.total, page: input.page, pageSize: input.pageSize }
    },
  }),

  createContest: action({
    input: contentSchemas.createContest,
    handler: async (input, ctx) => {
      const deadline = new Date(input.deadline)
      assertDeadlineInRange(deadline, ctx.now())
      await assertSafeText(ctx.cloud, ctx.openid, [input.title, input.theme], SCENE.forum)
      const contest = { title: input.title, theme: input.theme, deadline, createdBy: ctx.openid, createdAt: ctx.now() }
      return { id: await insertContest(ctx.db, contest, recordIdFor(ctx.openid, 'content.createContest', input.requestId)) }
    },
  }),

  contests: action({
    input: contentSchemas.contests,
    handler: async (_input, ctx) => {
      const now = ctx.now()
      return { items: (await listContests(ctx.db)).map((c) => toContestView(c, now)) }
    },
  }),

  ranking: action({
    input: contentSchemas.ranking,
    handler: async (input, ctx) => {
      const contest = await findContest(ctx.db, input.contestId)
      if (!contest) throw new AppError('NOT_FOUND', CONTEST_MISSING)
      const ranked = rankEntries(await topEntries(ctx.db, input.contestId))
      const views = await viewsFor(ctx.db, ctx.openid, ranked)
      return { contest: toContestView(contest, ctx.now()), items: views.map((v, i) => ({ ...v, rank: ranked[i].rank, rankedLikes: ranked[i].rankedLikes ?? 0 })) }
    },
  }),
}
