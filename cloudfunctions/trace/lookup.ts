// Looking a can's code up: anyone may, a visitor too. The answer counts lookups and flags a code
// that is unknown or that too many different people have looked up (copied onto other cans); it
// never says who else looked.
import { batchEvidence, normalizeCode, TRACE_WARNING_MESSAGES, warningFor, type TraceLookupView } from '../../domain/trace'
import { traceSchemas } from '../../domain/schemas/trace'
import { consumeRateLimit } from '../../server/collections/rate-limits'
import { countLookup, findBatch, findCode, hasQueried } from '../../server/collections/trace'
import { action } from '../../server/router'

export const lookupActions = {
  lookup: action({
    input: traceSchemas.lookup,
    handler: async (input, ctx): Promise<TraceLookupView> => {
      const code = normalizeCode(input.code)
      // the limit keeps a script from harvesting valid codes to print on fakes
      const [record] = await Promise.all([findCode(ctx.db, code), consumeRateLimit(ctx.db, ctx.openid, 'trace.lookup', ctx.now())])
      if (!record) {
        const kind = 'unknown' as const
        return {
          code, found: false, batch: null, product: null, producedAt: null, expiresAt: null, evidence: [], queryCount: 0, firstQueriedAt: null,
          warning: { kind, message: TRACE_WARNING_MESSAGES[kind] },
        }
      }
      const [batch, repeat] = await Promise.all([findBatch(ctx.db, record.batchId), hasQueried(ctx.db, code, ctx.openid)])
      const counted = await countLookup(ctx.db, record, ctx.openid, repeat, ctx.now())
      const kind = warningFor(counted)
      return {
        code,
        found: true,
        batch: batch ? { batchNo: batch.batchNo, customsNo: batch.customsNo } : null,
        product: batch?.product ?? null,
        producedAt: batch?.producedAt ?? null,
        expiresAt: batch?.expiresAt ?? null,
        evidence: batch ? batchEvidence(batch) : [],
        queryCount: counted.queryCount,
        firstQueriedAt: counted.firstQueriedAt ? new Date(counted.firstQueriedAt).toISOString() : null,
        ...(kind ? { warning: { kind, message: TRACE_WARNING_MESSAGES[kind] } } : {}),
      }
    },
  }),
}
