import { z } from 'zod'
import { MAX_KOC_EARLY_MINUTES, PROMISE_CODES } from '../chain'
import { docId, isoDateTime, line, page, pageSize, paragraph, requestId, tagName } from './common'

const fileID = line().regex(/^cloud:\/\/\S+$/, '请先上传图片').max(512)
/** Money is integer fen (分): ¥128.00 is 12800. */
const fen = (what: string) => z.number({ message: `${what}应为整数（分）` }).int(`${what}应为整数（分）`).min(1, `${what}至少 1 分`).max(10_000_000, `${what}最多 10 万元`)

const title = line().min(1, '请填写接龙标题').max(30, '接龙标题最多 30 个字')
const product = line().min(1, '请填写商品名').max(40, '商品名最多 40 个字')
const spec = line().min(1).max(30, '规格最多 30 个字')
const unit = line().min(1, '请填写单位').max(2, '单位最多 2 个字')
const quota = z.number().int('限量应为整数').min(1, '限量至少 1').max(100_000, '限量最多 100000')
const perPersonLimit = z.number().int('每人限购应为整数').min(1, '每人限购至少 1').max(99, '每人限购最多 99')
const minToForm = z.number().int('成团数量应为整数').min(1, '成团数量至少 1').max(100_000)
const firstNGift = z.object({
  n: z.number().int('前 N 名应为整数').min(1, '前 N 名至少 1').max(1000, '前 N 名最多 1000'),
  gift: line().min(1, '请填写赠品').max(20, '赠品最多 20 个字'),
}).strict()
const targetTags = z.array(tagName).max(10, '最多选 10 个标签')
const kocEarlyMinutes = z.number().int('体验官提前分钟数应为整数').min(0).max(MAX_KOC_EARLY_MINUTES, `体验官最多提前 ${MAX_KOC_EARLY_MINUTES} 分钟`)
const promises = z.array(z.enum(PROMISE_CODES, { message: '售后承诺只能是 7 天无理由、假一赔十或开罐不满意未食用部分可退' })).max(PROMISE_CODES.length)

/** A delivery address: weapp `chooseAddress` (userName, telNumber, province+city+county, detailInfo) or the H5 form. */
export const address = z.object({
  name: line().min(1, '请填写收货人').max(20, '收货人最多 20 个字'),
  phone: line().regex(/^[0-9+\- ]{5,20}$/, '请填写正确的联系电话'),
  region: line().min(1, '请填写省市区').max(40, '省市区最多 40 个字'),
  detail: line().min(1, '请填写详细地址').max(100, '详细地址最多 100 个字'),
}).strict()

const note = paragraph().max(100, '备注最多 100 个字')
const qty = z.number({ message: '数量应为整数' }).int('数量应为整数').min(1, '数量至少 1').max(99, '数量最多 99')
const listPageSize = z.number().int().min(1).max(100, '每页最多 100 条').default(50)

interface Amounts {
  priceFen?: number
  originalPriceFen?: number | null
  quota?: number
  perPersonLimit?: number
  minToForm?: number
  firstNGift?: { n: number } | null
}

/** The cross-field rules a create (and an edit, against the stored chain) must keep. */
export function amountIssues(a: Amounts): { message: string; path: string[] } | null {
  if (a.originalPriceFen != null && a.priceFen !== undefined && a.originalPriceFen < a.priceFen) return { message: '原价不能低于专享价', path: ['originalPriceFen'] }
  if (a.quota !== undefined && a.perPersonLimit !== undefined && a.perPersonLimit > a.quota) return { message: '每人限购不能超过限量', path: ['perPersonLimit'] }
  if (a.quota !== undefined && a.minToForm !== undefined && a.minToForm > a.quota) return { message: '成团数量不能超过限量', path: ['minToForm'] }
  if (a.quota !== undefined && a.firstNGift && a.firstNGift.n > a.quota) return { message: '前 N 名不能超过限量', path: ['firstNGift'] }
  return null
}

const withAmounts = <T extends Amounts>(p: T, ctx: z.RefinementCtx) => {
  const issue = amountIssues(p)
  if (issue) ctx.addIssue({ code: 'custom', ...issue })
}

export const chainSchemas = {
  create: z.object({
    title,
    product,
    spec: spec.optional(),
    unit: unit.default('罐'),
    coverFileID: fileID.optional(),
    priceFen: fen('专享价'),
    originalPriceFen: fen('原价').optional(),
    quota,
    perPersonLimit,
    /** absent: open at once */
    openAt: isoDateTime.optional(),
    deadline: isoDateTime,
    minToForm: minToForm.default(1),
    firstNGift: firstNGift.optional(),
    liveId: docId.optional(),
    targetTags: targetTags.optional(),
    kocEarlyMinutes: kocEarlyMinutes.default(0),
    promises: promises.default([]),
    requestId: requestId.optional(),
  }).strict().superRefine(withAmounts),
  /** before it opens only; the fields given change, `null` takes an optional field away */
  update: z.object({
    id: docId,
    title: title.optional(),
    product: product.optional(),
    spec: spec.nullable().optional(),
    unit: unit.optional(),
    coverFileID: fileID.nullable().optional(),
    priceFen: fen('专享价').optional(),
    originalPriceFen: fen('原价').nullable().optional(),
    quota: quota.optional(),
    perPersonLimit: perPersonLimit.optional(),
    openAt: isoDateTime.optional(),
    deadline: isoDateTime.optional(),
    minToForm: minToForm.optional(),
    firstNGift: firstNGift.nullable().optional(),
    liveId: docId.nullable().optional(),
    targetTags: targetTags.optional(),
    kocEarlyMinutes: kocEarlyMinutes.optional(),
    promises: promises.optional(),
  }).strict().refine((p) => Object.keys(p).some((k) => k !== 'id'), '没有要修改的内容'),
  close: z.object({ chainId: docId }).strict(),
  get: z.object({ id: docId, page, pageSize: listPageSize }).strict(),
  list: z.object({ page, pageSize }).strict(),
  join: z.object({ chainId: docId, qty, requestId, address: address.optional(), note: note.optional() }).strict(),
  cancel: z.object({ chainId: docId }).strict(),
  /** the address asked for before packing: a join never waits for one */
  setAddress: z.object({ chainId: docId, address }).strict(),
  removeEntry: z.object({ entryId: docId }).strict(),
  entries: z.object({ chainId: docId, status: z.enum(['live', 'cancelled']).default('live'), page, pageSize: listPageSize }).strict(),
  mine: z.object({ page, pageSize }).strict(),
}

export type CreateChainInput = z.input<typeof chainSchemas.create>
export type UpdateChainInput = z.input<typeof chainSchemas.update>
export type CloseChainInput = z.input<typeof chainSchemas.close>
export type GetChainInput = z.input<typeof chainSchemas.get>
export type ListChainsInput = z.input<typeof chainSchemas.list>
export type JoinChainInput = z.input<typeof chainSchemas.join>
export type CancelEntryInput = z.input<typeof chainSchemas.cancel>
export type SetAddressInput = z.input<typeof chainSchemas.setAddress>
export type RemoveEntryInput = z.input<typeof chainSchemas.removeEntry>
export type ChainEntriesInput = z.input<typeof chainSchemas.entries>
export type MyEntriesInput = z.input<typeof chainSchemas.mine>

export type CreateChainParams = z.output<typeof chainSchemas.create>
export type UpdateChainParams = z.output<typeof chainSchemas.update>
export type JoinChainParams = z.output<typeof chainSchemas.join>
