// Looking a can's code up: anyone may, a visitor too. The answer counts lookups and flags a code
// that is unknown or that too many different people have looked up (copied onto other cans); it
// never says who else looked.
import { batchEvidence, normalizeCode, TRACE_WARNING_MESSAGES, warningFor, type TraceBatchRecord, type TraceLookupView, type TraceWarning } from '../../domain/trace'
import { traceSchemas } from '../../domain/schemas/trace'
import { consumeRateLimit } from '../../server/collections/rate-limits'
import { countLookup, distinctQueriers, findBatch, findCode } from '../../server/collections/trace'
import type { Database } from '../../server/cloud'
import { action } from '../../server/router'

// What a lookup shows of a batch never changes once imported (a batch described differently is
// refused), so a warm instance keeps the batches it has read: a lookup is then one read and writes.
const batchCache = new Map<string, TraceBatchRecord>()
const BATCH_CACHE_LIMIT = 1000

async function batchOf(db: Database, id: string): Promise<TraceBatchRecord | null> {
  const cached = batchCache.get(id)
  if (cached) return cached
  const batch = await findBatch(db, id)
  if (batch) {
    if (batchCache.size >= BATCH_CACHE_LIMIT) batchCache.clear()
    batchCache.set(id, batch)
  }
  return batch
}

const warning = (kind: TraceWarning | undefined) => (kind ? { warning: { kind, message: TRACE_WARNING_MESSAGES[kind] } } : {})

export const lookupActions = {
  /**
   * Three steps, the calls of each sent together: her member record (the router); the code, its
   * querier count and her rate-limit slot; the counting writes (and the batch, unless cached).
   */
  lookup: action({
    input: traceSchemas.lookup,
    handler: async (input, ctx): Promise<TraceLookupView> => {
      const code = normalizeCode(input.code)
      // the limit keeps a script from harvesting valid codes to print on fakes
      const [record, queriers] = await Promise.all([
        findCode(ctx.db, code),
        distinctQueriers(ctx.db, code),
        consumeRateLimit(ctx.db, ctx.openid, 'trace.lookup', ctx.now()),
      ])
      if (!record) {
        return { code, found: false, batch: null, product: null, producedAt: null, expiresAt: null, evidence: [], queryCount: 0, firstQueriedAt: null, ...warning(warningFor(null)) }
      }
      const now = ctx.now()
      const [batch, isNew] = await Promise.all([batchOf(ctx.db, record.batchId), countLookup(ctx.db, record, ctx.openid, now)])
      // as counted a moment ago plus her, if she is new: another first lookup landing in between
      // shows in the next answer (the records themselves are exact)
      const distinct = queriers + (isNew ? 1 : 0)
      return {
        code,
        found: true,
        batch: batch ? { batchNo: batch.batchNo, customsNo: batch.customsNo } : null,
        product: batch?.product ?? null,
        producedAt: batch?.producedAt ?? null,
        expiresAt: batch?.expiresAt ?? null,
        evidence: batch ? batchEvidence(batch) : [],
        queryCount: record.queryCount + 1,
        firstQueriedAt: new Date(record.firstQueriedAt ?? now).toISOString(),
        ...warning(warningFor(distinct)),
      }
    },
  }),
}
