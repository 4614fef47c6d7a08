// Importing a batch's can codes, one chunk (≤ 20,000 codes) per call; a batch of 100,000 is five
// calls with the same batch fields and a requestId each (src/services/trace.ts does the splitting).
import { AppError } from '../../domain/errors'
import { codesFromCsv, MAX_CODES_PER_CHUNK, parseCodes, REPORT_SAMPLE, sampleOf, type ImportReport, type TraceBatchRecord } from '../../domain/trace'
import { traceSchemas, type ImportCodesParams } from '../../domain/schemas/trace'
import { batchIdFor, createBatch, findBatch, findImport, insertCodes, recordImport } from '../../server/collections/trace'
import { recordIdFor } from '../../server/request-ids'
import { action, type ActionContext } from '../../server/router'

const BATCH_FIELDS = ['batchNo', 'product', 'producedAt', 'expiresAt', 'customsNo', 'qualityReportFileID'] as const

/** The batch of this chunk: created by the first chunk; a later chunk must describe it the same way. */
async function batchFor(ctx: ActionContext, input: ImportCodesParams): Promise<TraceBatchRecord> {
  const batch: TraceBatchRecord = {
    _id: batchIdFor(input.batchNo),
    batchNo: input.batchNo,
    product: input.product,
    producedAt: input.producedAt,
    expiresAt: input.expiresAt,
    customsNo: input.customsNo,
    qualityReportFileID: input.qualityReportFileID,
    codeCount: 0,
    createdBy: ctx.openid,
    createdAt: ctx.now(),
  }
  if (await createBatch(ctx.db, batch)) return batch
  const stored = await findBatch(ctx.db, batch._id)
  if (!stored) throw new AppError('CONFLICT', '批次正在创建，请稍后重试')
  const differs = BATCH_FIELDS.filter((f) => stored[f] !== batch[f])
  if (differs.length) throw new AppError('CONFLICT', `批次 ${input.batchNo} 已存在，且${differs.map((f) => FIELD_NAMES[f]).join('、')}不同`)
  return stored
}

const FIELD_NAMES: Record<(typeof BATCH_FIELDS)[number], string> = {
  batchNo: '批次号', product: '商品', producedAt: '生产日期', expiresAt: '保质期', customsNo: '报关单号', qualityReportFileID: '质检报告',
}

export const importActions = {
  /**
   * Stores the chunk's new codes and reports the rest: codes repeated within the chunk, codes an
   * earlier chunk of this batch stored, codes of another batch (left alone). The chunk's record and
   * the batch count are one transaction written last, so a chunk retried after a failure anywhere
   * recognises its own codes (`importId`) and answers the same report.
   */
  importCodes: action({
    input: traceSchemas.importCodes,
    handler: async (input, ctx): Promise<ImportReport> => {
      const importId = recordIdFor(ctx.openid, 'trace.importCodes', input.requestId) as string
      const done = await findImport(ctx.db, importId)
      if (done) return done.report
      const source = input.csv !== undefined ? codesFromCsv(input.csv) : { values: input.codes ?? [], firstAt: 1 }
      if (source.values.length > MAX_CODES_PER_CHUNK) throw new AppError('BAD_INPUT', `溯源码：每次最多导入 ${MAX_CODES_PER_CHUNK} 个溯源码，请分批导入`)
      const parsed = parseCodes(source.values, source.firstAt)
      if (parsed.invalid.length) {
        const shown = parsed.invalid.slice(0, 3).map((i) => `第 ${i.at} 个「${i.value}」`).join('、')
        throw new AppError('BAD_INPUT', `溯源码：${shown}${parsed.invalid.length > 3 ? ` 等 ${parsed.invalid.length} 个` : ''}不是有效的溯源码（6–40 位字母、数字或 -）`)
      }
      if (parsed.codes.length === 0) throw new AppError('BAD_INPUT', '溯源码：请至少导入一个溯源码')
      const batch = await batchFor(ctx, input)

      const { inserted, existing } = await insertCodes(ctx.db, parsed.codes, batch._id, importId)
      const ours: string[] = []
      const alreadyInBatch: string[] = []
      const inOtherBatch: string[] = []
      for (const [code, found] of existing) {
        if (found.importId === importId) ours.push(code) // stored by an earlier attempt of this chunk
        else if (found.batchId === batch._id) alreadyInBatch.push(code)
        else inOtherBatch.push(code)
      }
      const imported = ours.length + inserted
      const report: ImportReport = {
        batchId: batch._id,
        received: source.values.length,
        imported,
        duplicates: {
          inRequest: { count: parsed.repeatedCount, sample: parsed.repeated.slice(0, REPORT_SAMPLE) },
          alreadyInBatch: sampleOf(alreadyInBatch),
          inOtherBatch: sampleOf(inOtherBatch),
        },
        batchCodeCount: 0,
      }
      return recordImport(ctx.db, { _id: importId, batchId: batch._id, by: ctx.openid, report, createdAt: ctx.now() }, imported)
    },
  }),
}
