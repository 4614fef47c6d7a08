import { z } from 'zod'
import { MAX_CODES_PER_CHUNK } from '../trace'
import { isoDate, line, paragraph, requestId } from './common'

const fileID = line().regex(/^cloud:\/\/\S+$/, '请先上传质检报告').max(512)
// the codes are checked one by one by domain/trace.ts parseCodes (a bad one is named by position)
const rawCode = line().max(80, '溯源码过长')

export const traceSchemas = {
  /**
   * One chunk of a batch's codes (at most 20,000): the batch fields travel with every chunk, the
   * first chunk creates the batch, later ones must carry the same fields. `codes` or `csv`, not both.
   */
  importCodes: z.object({
    batchNo: line().min(1, '请填写批次号').max(40, '批次号最多 40 个字').regex(/^[A-Za-z0-9-_]+$/, '批次号只能是字母、数字、- 或 _'),
    product: line().min(1, '请填写商品名').max(30, '商品名最多 30 个字'),
    producedAt: isoDate,
    expiresAt: isoDate,
    customsNo: line().min(1, '请填写报关单号').max(40, '报关单号最多 40 个字'),
    qualityReportFileID: fileID,
    codes: z.array(rawCode).min(1, '请至少导入一个溯源码').max(MAX_CODES_PER_CHUNK, `每次最多导入 ${MAX_CODES_PER_CHUNK} 个溯源码，请分批导入`).optional(),
    csv: paragraph().min(1, '请提供溯源码').max(MAX_CODES_PER_CHUNK * 82, `每次最多导入 ${MAX_CODES_PER_CHUNK} 个溯源码，请分批导入`).optional(),
    requestId,
  }).strict()
    .refine((p) => (p.codes === undefined) !== (p.csv === undefined), { message: '请提供 codes 或 csv 其中之一', path: ['codes'] })
    .refine((p) => p.expiresAt > p.producedAt, { message: '保质期应晚于生产日期', path: ['expiresAt'] }),
  lookup: z.object({ code: line().min(1, '请输入溯源码').max(80, '溯源码过长') }).strict(),
}

export type ImportCodesInput = z.input<typeof traceSchemas.importCodes>
export type LookupInput = z.input<typeof traceSchemas.lookup>
export type ImportCodesParams = z.output<typeof traceSchemas.importCodes>
