import { z } from 'zod'
import { EVIDENCE_KINDS, LIVE_STATUSES, QUESTION_STATES, SCENES } from '../live'
import { docId, isoDateTime, line, page, pageSize, paragraph, requestId, tagName } from './common'
import { liveQuestionText } from './live-question'

// a cloud storage file id as wx.cloud.uploadFile answers it
const fileID = line().regex(/^cloud:\/\/\S+$/, '请先上传文件').max(512)

const title = line().min(1, '请填写直播标题').max(30, '直播标题最多 30 个字')
const host = z.object({
  name: line().min(1, '请填写主播名字').max(20, '主播名字最多 20 个字'),
  photoFileID: fileID.optional(),
  intro: line().max(40, '主播介绍最多 40 个字').optional(),
}).strict()
const scene = z.enum(SCENES, { message: '场景只能是保税仓、牧场或工厂' })
const products = z.array(z.object({
  name: line().min(1, '请填写商品名').max(30, '商品名最多 30 个字'),
  chainId: docId.optional(),
}).strict()).max(20, '最多 20 个商品')
const evidence = z.array(z.object({
  kind: z.enum(EVIDENCE_KINDS, { message: '证据类型只能是报关单、质检报告、溯源证明或其他' }),
  title: line().min(1, '请填写证据标题').max(30, '证据标题最多 30 个字'),
  fileID: fileID.optional(),
}).strict()).max(20, '最多 20 份证据')
const targetTags = z.array(tagName).max(10, '最多选 10 个标签')
// the Channels account id (sph…) that wx.getChannelsLiveNoticeInfo takes
const finderUserName = line().regex(/^sph[A-Za-z0-9_-]{1,60}$/, '视频号 ID 应以 sph 开头')
const replayUrl = line().max(512).refine((s) => /^https:\/\/\S+$/.test(s) || /^cloud:\/\/\S+$/.test(s), '回放链接应为 https:// 地址或云存储文件')
const highlights = z.array(line().min(1).max(60, '每条精彩片段最多 60 个字')).max(10, '最多 10 条精彩片段')
const questionText = liveQuestionText
const answerText = paragraph().min(1, '请填写回答').max(1000, '回答最多 1000 个字')

/** The live templates a mother can accept in one requestSubscribeMessage call. */
export const LIVE_TEMPLATE_KINDS = ['reminder', 'announce'] as const

export const liveSchemas = {
  create: z.object({
    title,
    host,
    scene,
    startAt: isoDateTime,
    products: products.default([]),
    coverFileID: fileID.optional(),
    evidence: evidence.default([]),
    targetTags: targetTags.optional(),
    finderUserName: finderUserName.optional(),
    requestId: requestId.optional(),
  }).strict(),
  /** only the fields given change; `null` takes an optional field away */
  update: z.object({
    id: docId,
    title: title.optional(),
    host: host.optional(),
    scene: scene.optional(),
    startAt: isoDateTime.optional(),
    products: products.optional(),
    coverFileID: fileID.nullable().optional(),
    evidence: evidence.optional(),
    targetTags: targetTags.optional(),
    finderUserName: finderUserName.nullable().optional(),
    replayUrl: replayUrl.nullable().optional(),
    highlights: highlights.optional(),
  }).strict().refine((p) => Object.keys(p).some((k) => k !== 'id'), '没有要修改的内容'),
  cancel: z.object({ id: docId }).strict(),
  finish: z.object({ id: docId, replayUrl: replayUrl.optional(), highlights: highlights.optional() }).strict(),
  list: z.object({}).strict(),
  /** the leaders' console: every live in one status, cancelled ones included */
  byStatus: z.object({ status: z.enum(LIVE_STATUSES, { message: '状态只能是 scheduled、finished 或 cancelled' }), page, pageSize }).strict(),
  get: z.object({ id: docId }).strict(),
  remind: z.object({
    liveId: docId,
    /** the templates she accepted in requestSubscribeMessage (weapp) or the page's 提醒我 (H5) */
    accepted: z.array(z.enum(LIVE_TEMPLATE_KINDS)).min(1, '请先允许订阅提醒').max(2),
    requestId,
  }).strict(),
  ask: z.object({ liveId: docId, question: questionText, requestId: requestId.optional() }).strict(),
  questions: z.object({ liveId: docId, state: z.enum(QUESTION_STATES).optional(), page, pageSize }).strict(),
  qa: z.object({ liveId: docId, page, pageSize }).strict(),
  curate: z.discriminatedUnion('to', [
    z.object({ id: docId, to: z.literal('picked') }).strict(),
    z.object({ id: docId, to: z.literal('hidden') }).strict(),
    z.object({ id: docId, to: z.literal('answered'), answer: answerText }).strict(),
  ]),
}

export type CreateLiveInput = z.input<typeof liveSchemas.create>
export type UpdateLiveInput = z.input<typeof liveSchemas.update>
export type CancelLiveInput = z.input<typeof liveSchemas.cancel>
export type FinishLiveInput = z.input<typeof liveSchemas.finish>
export type LivesByStatusInput = z.input<typeof liveSchemas.byStatus>
export type GetLiveInput = z.input<typeof liveSchemas.get>
export type RemindInput = z.input<typeof liveSchemas.remind>
export type AskLiveInput = z.input<typeof liveSchemas.ask>
export type LiveQuestionsInput = z.input<typeof liveSchemas.questions>
export type LiveQaInput = z.input<typeof liveSchemas.qa>
export type CurateInput = z.input<typeof liveSchemas.curate>

export type CreateLiveParams = z.output<typeof liveSchemas.create>
export type UpdateLiveParams = z.output<typeof liveSchemas.update>
