import { z } from 'zod'
import { docId, isoDateTime, page, pageSize, tagName } from './common'

// a cloud storage file id as wx.cloud.uploadFile answers it
const fileID = z.string().trim().regex(/^cloud:\/\/\S+$/, '请先上传图片').max(512)

export const contentSchemas = {
  publishPost: z.object({
    title: z.string().trim().min(1, '请填写标题').max(40, '标题最多 40 个字'),
    body: z.string().trim().min(1, '请填写正文').max(2000, '正文最多 2000 个字'),
    kind: z.enum(['tip', 'expert'], { message: '类型只能是干货或专家文章' }),
    targetTags: z.array(tagName).max(10, '最多选 10 个标签').optional(),
    coverFileID: fileID.optional(),
  }).strict(),
  feed: z.object({ page, pageSize }).strict(),
  ask: z.object({
    question: z.string().trim().min(5, '问题至少 5 个字').max(500, '问题最多 500 个字'),
  }).strict(),
  answer: z.object({
    id: docId,
    answer: z.string().trim().min(1, '请填写回答').max(2000, '回答最多 2000 个字'),
  }).strict(),
  questions: z.object({ page, pageSize, mine: z.boolean().optional() }).strict(),
  unanswered: z.object({ page, pageSize }).strict(),
  postDiary: z.object({
    text: z.string().trim().min(1, '说点什么吧').max(200, '最多 200 个字'),
    photoFileID: fileID,
    contestId: docId.optional(),
  }).strict(),
  like: z.object({ id: docId }).strict(),
  diaries: z.object({ page, pageSize, contestId: docId.optional() }).strict(),
  createContest: z.object({
    title: z.string().trim().min(1, '请填写活动名称').max(30, '活动名称最多 30 个字'),
    theme: z.string().trim().min(1, '请填写活动主题').max(200, '活动主题最多 200 个字'),
    deadline: isoDateTime,
  }).strict(),
  contests: z.object({}).strict(),
  ranking: z.object({ contestId: docId }).strict(),
}

export type PublishPostInput = z.input<typeof contentSchemas.publishPost>
export type FeedInput = z.input<typeof contentSchemas.feed>
export type AskInput = z.input<typeof contentSchemas.ask>
export type AnswerInput = z.input<typeof contentSchemas.answer>
export type QuestionsInput = z.input<typeof contentSchemas.questions>
export type UnansweredInput = z.input<typeof contentSchemas.unanswered>
export type PostDiaryInput = z.input<typeof contentSchemas.postDiary>
export type LikeInput = z.input<typeof contentSchemas.like>
export type DiariesInput = z.input<typeof contentSchemas.diaries>
export type CreateContestInput = z.input<typeof contentSchemas.createContest>
export type RankingInput = z.input<typeof contentSchemas.ranking>
