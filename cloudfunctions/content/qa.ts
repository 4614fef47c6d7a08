// Expert Q&A: a member asks, a leader (or expert with the leader role) answers; answers are public.
import { displayName, toQuestionView } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { contentSchemas } from '../../domain/schemas/content'
import { assertSafeText, SCENE } from '../../server/content-check'
import { toPage } from '../../server/collections/paging'
import {
  answerQuestion, editOwnOpenQuestion, findQuestion, insertQuestion, listUnanswered, listVisibleQuestions, removeOwnOpenQuestion,
} from '../../server/collections/questions'
import type { Database } from '../../server/cloud'
import { consumeRateLimit } from '../../server/collections/rate-limits'
import { recordIdFor } from '../../server/request-ids'
import { action } from '../../server/router'

const QUESTION_MISSING = '问题不存在或已被删除'

/**
 * Why a write held to her own unanswered question changed nothing. Another mother's unanswered
 * question is not hers to see, so it reads as missing, like one that is gone.
 */
async function refuseClosedQuestion(db: Database, id: string, openid: string): Promise<never> {
  const q = await findQuestion(db, id)
  if (!q || (q.askedBy !== openid && !q.answered)) throw new AppError('NOT_FOUND', QUESTION_MISSING)
  if (q.askedBy !== openid) throw new AppError('FORBIDDEN', '只能修改或删除自己的提问')
  throw new AppError('CONFLICT', '专家已经回答了这个问题，不能再修改或删除啦')
}

export const qaActions = {
  ask: action({
    input: contentSchemas.ask,
    handler: async (input, ctx) => {
      const id = recordIdFor(ctx.openid, 'content.ask', input.requestId)
      if (id && (await findQuestion(ctx.db, id))) return { id } // a retry of a question already stored
      await consumeRateLimit(ctx.db, ctx.openid, 'content.ask', ctx.now())
      await assertSafeText(ctx.cloud, ctx.openid, [input.question], SCENE.comment)
      return { id: await insertQuestion(ctx.db, { question: input.question, askedBy: ctx.openid, askedAt: ctx.now(), answered: false }, id) }
    },
  }),

  answer: action({
    input: contentSchemas.answer,
    handler: async (input, ctx) => {
      await assertSafeText(ctx.cloud, ctx.openid, [input.answer], SCENE.comment)
      const answeredAt = ctx.now()
      const done = await answerQuestion(ctx.db, input.id, {
        answer: input.answer,
        answeredBy: ctx.openid,
        answeredByName: displayName(ctx.member, '亲亲宝贝专家'),
        answeredAt,
      })
      if (!done) {
        const existing = await findQuestion(ctx.db, input.id)
        if (!existing) throw new AppError('NOT_FOUND', '问题不存在或已被删除')
        throw new AppError('CONFLICT', '这个问题已经有人回答了，请刷新后查看')
      }
      return { id: input.id, answeredAt: answeredAt.toISOString() }
    },
  }),

  editQuestion: action({
    input: contentSchemas.editQuestion,
    handler: async (input, ctx) => {
      await consumeRateLimit(ctx.db, ctx.openid, 'content.edit', ctx.now())
      await assertSafeText(ctx.cloud, ctx.openid, [input.question], SCENE.comment)
      const editedAt = ctx.now()
      if (!(await editOwnOpenQuestion(ctx.db, input.id, ctx.openid, input.question, editedAt))) await refuseClosedQuestion(ctx.db, input.id, ctx.openid)
      return { id: input.id, editedAt: editedAt.toISOString() }
    },
  }),

  deleteQuestion: action({
    input: contentSchemas.deleteQuestion,
    handler: async (input, ctx) => {
      if (!(await removeOwnOpenQuestion(ctx.db, input.id, ctx.openid))) await refuseClosedQuestion(ctx.db, input.id, ctx.openid)
      return { id: input.id, deleted: true as const }
    },
  }),

  questions: action({
    input: contentSchemas.questions,
    handler: async (input, ctx) => {
      const res = await listVisibleQuestions(ctx.db, ctx.openid, input.mine ?? false, input)
      return toPage(res, input, (q) => toQuestionView(q, ctx.openid))
    },
  }),

  unanswered: action({
    input: contentSchemas.unanswered,
    handler: async (input, ctx) => {
      return toPage(await listUnanswered(ctx.db, input), input, (q) => toQuestionView(q, ctx.openid))
    },
  }),
}
