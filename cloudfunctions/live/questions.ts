// Questions for a live: mothers ask before or during it, leaders pick, answer or hide them on air.
import { displayName } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { assertAskable, curationRefusal, toLiveQuestionStaffView, toLiveQuestionView } from '../../domain/live'
import { liveSchemas } from '../../domain/schemas/live'
import { findLive } from '../../server/collections/lives'
import { curate, findLiveQuestion, insertLiveQuestion, listLiveQuestions, listPublicQuestions } from '../../server/collections/live-questions'
import { toPage } from '../../server/collections/paging'
import { consumeRateLimit } from '../../server/collections/rate-limits'
import { assertSafeText, SCENE } from '../../server/content-check'
import { recordIdFor } from '../../server/request-ids'
import { action } from '../../server/router'
import { visibleLive } from './lives'

export const questionActions = {
  ask: action({
    input: liveSchemas.ask,
    handler: async (input, ctx) => {
      const id = recordIdFor(ctx.openid, 'live.ask', input.requestId)
      if (id && (await findLiveQuestion(ctx.db, id))) return { id } // a retry of a question already stored
      const live = await visibleLive(ctx, input.liveId)
      assertAskable(live, ctx.now())
      await consumeRateLimit(ctx.db, ctx.openid, 'live.ask', ctx.now())
      await assertSafeText(ctx.cloud, ctx.openid, [input.question], SCENE.comment)
      const question = {
        liveId: live._id,
        question: input.question,
        askedBy: ctx.openid,
        askerName: displayName(ctx.member),
        askedAt: ctx.now(),
        state: 'new' as const,
      }
      return { id: await insertLiveQuestion(ctx.db, question, id) }
    },
  }),

  qa: action({
    input: liveSchemas.qa,
    handler: async (input, ctx) => {
      await visibleLive(ctx, input.liveId)
      return toPage(await listPublicQuestions(ctx.db, input.liveId, input), input, (q) => toLiveQuestionView(q, ctx.openid))
    },
  }),

  questions: action({
    input: liveSchemas.questions,
    handler: async (input, ctx) => {
      if (!(await findLive(ctx.db, input.liveId))) throw new AppError('NOT_FOUND', '直播不存在或已被删除')
      return toPage(await listLiveQuestions(ctx.db, input.liveId, input.state, input), input, (q) => toLiveQuestionStaffView(q, ctx.openid))
    },
  }),

  curate: action({
    input: liveSchemas.curate,
    handler: async (input, ctx) => {
      if (input.to === 'answered') await assertSafeText(ctx.cloud, ctx.openid, [input.answer], SCENE.comment)
      const answer = input.to === 'answered' ? input.answer : undefined
      if (!(await curate(ctx.db, input.id, input.to, { by: ctx.openid, at: ctx.now(), ...(answer ? { answer } : {}) }))) {
        const q = await findLiveQuestion(ctx.db, input.id)
        if (!q) throw new AppError('NOT_FOUND', '问题不存在或已被删除')
        throw curationRefusal(q.state, input.to)
      }
      return { id: input.id, state: input.to }
    },
  }),
}
