// Growth diary (晒娃): photo + a line, likes counted once per mother, themed contests with a ranking.
import { assertContestOpen, assertDeadlineAhead, displayName, rankEntries, toContestView, toDiaryView, type DiaryRecord } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { contentSchemas } from '../../domain/schemas/content'
import { assertSafeText, SCENE } from '../../server/content-check'
import { findContest, insertContest, listContests } from '../../server/collections/contests'
import { findDiary, incrementLikes, insertDiary, listDiaries, topEntries } from '../../server/collections/diaries'
import { insertLike, likedAmong } from '../../server/collections/likes'
import type { Database } from '../../server/cloud'
import { action } from '../../server/router'

const CONTEST_MISSING = '活动不存在或已被删除'

async function viewsFor(db: Database, openid: string, diaries: DiaryRecord[]) {
  const liked = await likedAmong(db, openid, diaries.map((d) => d._id))
  return diaries.map((d) => toDiaryView(d, openid, liked.has(d._id)))
}

export const diaryActions = {
  postDiary: action({
    input: contentSchemas.postDiary,
    handler: async (input, ctx) => {
      if (input.contestId) {
        const contest = await findContest(ctx.db, input.contestId)
        if (!contest) throw new AppError('NOT_FOUND', CONTEST_MISSING)
        assertContestOpen(contest, ctx.now())
      }
      await assertSafeText(ctx.cloud, ctx.openid, [input.text], SCENE.socialLog)
      const id = await insertDiary(ctx.db, {
        openid: ctx.openid,
        authorName: displayName(ctx.member),
        text: input.text,
        photoFileID: input.photoFileID,
        ...(input.contestId ? { contestId: input.contestId } : {}),
        likeCount: 0,
        createdAt: ctx.now(),
      })
      return { id }
    },
  }),

  like: action({
    input: contentSchemas.like,
    handler: async (input, ctx) => {
      if (!(await findDiary(ctx.db, input.id))) throw new AppError('NOT_FOUND', '这条日记不存在或已被删除')
      // the like document is the once-per-mother guard; only the insert that created it counts
      const counted = await insertLike(ctx.db, input.id, ctx.openid, ctx.now())
      if (counted) await incrementLikes(ctx.db, input.id)
      const after = await findDiary(ctx.db, input.id)
      return { liked: true as const, counted, likeCount: after?.likeCount ?? 0 }
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
      assertDeadlineAhead(deadline, ctx.now())
      await assertSafeText(ctx.cloud, ctx.openid, [input.title, input.theme], SCENE.forum)
      const id = await insertContest(ctx.db, { title: input.title, theme: input.theme, deadline, createdBy: ctx.openid, createdAt: ctx.now() })
      return { id }
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
      return { contest: toContestView(contest, ctx.now()), items: views.map((v, i) => ({ ...v, rank: ranked[i].rank })) }
    },
  }),
}
