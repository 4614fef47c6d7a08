import { z } from 'zod'
import { docId, isoDateTime, line, page, pageSize, paragraph, requestId, tagName } from './common'
import { QUESTION_MIN, TEXT_MAX } from '../form-rules'

// a cloud storage file id as wx.cloud.uploadFile answers it
const fileID = line().regex(/^cloud:\/\/\S+$/, '请先上传图片').max(512)

// one definition per field, shared by the create and the edit of the same record
const postTitle = line().min(1, '请填写标题').max(40, '标题最多 40 个字')
const postBody = paragraph().min(1, '请填写正文').max(2000, '正文最多 2000 个字')
const postKind = z.enum(['tip', 'expert'], { message: '类型只能是干货或专家文章' })
const postTags = z.array(tagName).max(10, '最多选 10 个标签')
const questionText = paragraph().min(QUESTION_MIN, `问题至少 ${QUESTION_MIN} 个字`).max(TEXT_MAX.question, `问题最多 ${TEXT_MAX.question} 个字`)
const diaryText = paragraph().min(1, '说点什么吧').max(TEXT_MAX.diary, `最多 ${TEXT_MAX.diary} 个字`)

export const contentSchemas = {
  publishPost: z.object({
    title: postTitle,
    body: postBody,
    kind: postKind,
    targetTags: postTags.optional(),
    coverFileID: fileID.optional(),
    requestId: requestId.optional(),
  }).strict(),
  /** only the fields given change; `coverFileID: null` takes the cover away */
  editPost: z.object({
    id: docId,
    title: postTitle.optional(),
    body: postBody.optional(),
    kind: postKind.optional(),
    targetTags: postTags.optional(),
    coverFileID: fileID.nullable().optional(),
  }).strict().refine((p) => Object.keys(p).some((k) => k !== 'id'), '没有要修改的内容'),
  removePost: z.object({ id: docId }).strict(),
  post: z.object({ id: docId }).strict(),
  feed: z.object({ page, pageSize }).strict(),
  ask: z.object({
    question: questionText,
    requestId: requestId.optional(),
  }).strict(),
  editQuestion: z.object({ id: docId, question: questionText }).strict(),
  deleteQuestion: z.object({ id: docId }).strict(),
  answer: z.object({
    id: docId,
    answer: paragraph().min(1, '请填写回答').max(2000, '回答最多 2000 个字'),
  }).strict(),
  questions: z.object({ page, pageSize, mine: z.boolean().optional() }).strict(),
  unanswered: z.object({ page, pageSize }).strict(),
  postDiary: z.object({
    text: diaryText,
    photoFileID: fileID,
    contestId: docId.optional(),
    requestId: requestId.optional(),
  }).strict(),
  editDiary: z.object({ id: docId, text: diaryText }).strict(),
  deleteDiary: z.object({ id: docId }).strict(),
  like: z.object({ id: docId }).strict(),
  diaries: z.object({ page, pageSize, contestId: docId.optional() }).strict(),
  createContest: z.object({
    title: line().min(1, '请填写活动名称').max(30, '活动名称最多 30 个字'),
    theme: paragraph().min(1, '请填写活动主题').max(200, '活动主题最多 200 个字'),
    deadline: isoDateTime,
    requestId: requestId.optional(),
  }).strict(),
  contests: z.object({}).strict(),
  ranking: z.object({ contestId: docId }).strict(),
  closeContest: z.object({ contestId: docId }).strict(),
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
export type EditPostInput = z.input<typeof contentSchemas.editPost>
export type RemovePostInput = z.input<typeof contentSchemas.removePost>
export type PostInput = z.input<typeof contentSchemas.post>
export type EditQuestionInput = z.input<typeof contentSchemas.editQuestion>
export type DeleteQuestionInput = z.input<typeof contentSchemas.deleteQuestion>
export type EditDiaryInput = z.input<typeof contentSchemas.editDiary>
export type DeleteDiaryInput = z.input<typeof contentSchemas.deleteDiary>
export type CloseContestInput = z.input<typeof contentSchemas.closeContest>

// What a handler receives: the schema's parsed output (defaults filled, text trimmed).
export type PublishPostParams = z.output<typeof contentSchemas.publishPost>
export type FeedParams = z.output<typeof contentSchemas.feed>
export type AskParams = z.output<typeof contentSchemas.ask>
export type AnswerParams = z.output<typeof contentSchemas.answer>
export type QuestionsParams = z.output<typeof contentSchemas.questions>
export type UnansweredParams = z.output<typeof contentSchemas.unanswered>
export type PostDiaryParams = z.output<typeof contentSchemas.postDiary>
export type LikeParams = z.output<typeof contentSchemas.like>
export type DiariesParams = z.output<typeof contentSchemas.diaries>
export type CreateContestParams = z.output<typeof contentSchemas.createContest>
export type RankingParams = z.output<typeof contentSchemas.ranking>
export type EditPostParams = z.output<typeof contentSchemas.editPost>
