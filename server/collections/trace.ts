// Trace codes: batches (`traceBatches`), one document per can code (`traceCodes`, `_id` = the code),
// the chunks imported (`traceImports`) and who has looked a code up (`traceQueries`).
import { createHash } from 'node:crypto'
import type { Database } from '../cloud'
import type { ImportReport, TraceBatchRecord, TraceCodeRecord } from '../../domain/trace'
import { isDuplicateKey } from '../db-errors'
import { inTransaction } from '../transaction'
import { findById, insertIfAbsent } from './documents'
import { readInTransaction } from './tx'

export const TRACE_BATCHES = 'traceBatches'
export const TRACE_CODES = 'traceCodes'
export const TRACE_IMPORTS = 'traceImports'
export const TRACE_QUERIES = 'traceQueries'

/** Codes per read (`_id` in …) and per insert: one request each, well under the 16 MB packet. */
const SLICE = 1000

export const batchIdFor = (batchNo: string) => `tb${createHash('sha256').update(batchNo).digest('hex').slice(0, 24)}`

export const findBatch = (db: Database, id: string) => findById<TraceBatchRecord>(db, TRACE_BATCHES, id)

/** Creates the batch on its first chunk; false when it exists already (the caller compares). */
export const createBatch = (db: Database, batch: TraceBatchRecord) => insertIfAbsent(db, TRACE_BATCHES, batch)

export interface ImportRecord {
  _id: string
  batchId: string
  by: string
  report: ImportReport
  createdAt: Date
}

export const findImport = (db: Database, id: string) => findById<ImportRecord>(db, TRACE_IMPORTS, id)

/** Which of `codes` exist already, with the batch and chunk that stored them. */
export async function existingCodes(db: Database, codes: readonly string[]): Promise<Map<string, Pick<TraceCodeRecord, 'batchId' | 'importId'>>> {
  const _ = db.command
  const found = new Map<string, Pick<TraceCodeRecord, 'batchId' | 'importId'>>()
  const slices: string[][] = []
  for (let i = 0; i < codes.length; i += SLICE) slices.push(codes.slice(i, i + SLICE))
  // a few reads in flight at once: the database answers each from the `_id` index
  for (let i = 0; i < slices.length; i += 4) {
    const pages = await Promise.all(
      slices.slice(i, i + 4).map(
        (slice) => db.collection(TRACE_CODES).where({ _id: _.in(slice) }).limit(SLICE).field({ batchId: true, importId: true }).get() as unknown as Promise<{ data: TraceCodeRecord[] }>,
      ),
    )
    for (const page of pages) for (const c of page.data) found.set(c._id, { batchId: c.batchId, importId: c.importId })
  }
  return found
}

/**
 * Inserts the codes SLICE at a time, assuming they are new (the usual case, and no read at all). An
 * insert of many documents is all-or-nothing, so a slice that collides is read (`_id` in …) and its
 * missing codes inserted again, until it goes through. Answers how many this call stored, and the
 * codes that existed, with the batch and chunk that stored them, for the report.
 */
export async function insertCodes(
  db: Database, codes: readonly string[], batchId: string, importId: string,
): Promise<{ inserted: number; existing: Map<string, Pick<TraceCodeRecord, 'batchId' | 'importId'>> }> {
  let inserted = 0
  const existing = new Map<string, Pick<TraceCodeRecord, 'batchId' | 'importId'>>()
  const doc = (code: string): TraceCodeRecord => ({ _id: code, batchId, importId, queryCount: 0 })
  const insertSlice = async (slice: string[]): Promise<void> => {
    for (let todo = slice; todo.length > 0; ) {
      try {
        await db.collection(TRACE_CODES).add({ data: todo.map(doc) })
        inserted += todo.length
        return
      } catch (e) {
        if (!isDuplicateKey(e)) throw e
      }
      // some exist (an earlier chunk, another batch, this chunk's earlier attempt, or a concurrent import)
      const found = await existingCodes(db, todo)
      for (const [code, where] of found) existing.set(code, where)
      todo = todo.filter((c) => !found.has(c))
    }
  }
  const slices: string[][] = []
  for (let i = 0; i < codes.length; i += SLICE) slices.push(codes.slice(i, i + SLICE))
  // a few inserts in flight: the function encodes the next while the database stores the last
  for (let i = 0; i < slices.length; i += 4) await Promise.all(slices.slice(i, i + 4).map(insertSlice))
  return { inserted, existing }
}

/**
 * Records a finished chunk and adds its new codes to the batch's count in one transaction: the
 * chunk record is the guard, so a retried chunk counts nothing twice. Answers the stored report
 * (an earlier attempt's, if it got this far).
 */
export async function recordImport(db: Database, record: ImportRecord, newCodes: number): Promise<ImportReport> {
  return inTransaction(db, async (t) => {
    const earlier = await readInTransaction<ImportRecord>(t, TRACE_IMPORTS, record._id)
    if (earlier) return earlier.report
    const batch = await readInTransaction<TraceBatchRecord>(t, TRACE_BATCHES, record.batchId)
    const codeCount = (batch?.codeCount ?? 0) + newCodes
    await t.collection(TRACE_BATCHES).doc(record.batchId).update({ data: { codeCount } })
    const report = { ...record.report, batchCodeCount: codeCount }
    await t.collection(TRACE_IMPORTS).doc(record._id).set({ data: { batchId: record.batchId, by: record.by, report, createdAt: record.createdAt } })
    return report
  })
}

export const findCode = (db: Database, code: string) => findById<TraceCodeRecord>(db, TRACE_CODES, code)

/** One person's first lookup of one code: names her, so it is personal data (server/privacy.ts). */
export interface TraceQueryRecord {
  _id: string
  code: string
  openid: string
  firstAt: Date
}

export const traceQueryId = (code: string, openid: string) => `tq${createHash('sha256').update(`${code}\u0000${openid}`).digest('hex').slice(0, 32)}`

/** How many different people have looked `code` up: a count on `code_1`. Nothing here names anyone. */
export async function distinctQueriers(db: Database, code: string): Promise<number> {
  return ((await db.collection(TRACE_QUERIES).where({ code }).count()) as { total: number }).total
}

/**
 * Counts one lookup, two independent writes sent together: her query record, inserted once (a fixed
 * `_id`: she is one querier however often she looks), and the code's lookup count, one atomic
 * increment (the first lookup also sets `firstQueriedAt`; two first lookups at once both set it, a
 * few milliseconds apart). The distinct count is the number of query records, so nothing can count
 * a person twice; a retried call counts one more lookup, which it is. Answers whether she is new.
 */
export async function countLookup(db: Database, code: TraceCodeRecord, openid: string, now: Date): Promise<boolean> {
  const _ = db.command
  const data = code.firstQueriedAt ? { queryCount: _.inc(1) } : { queryCount: _.inc(1), firstQueriedAt: now }
  const [, isNew] = await Promise.all([
    db.collection(TRACE_CODES).doc(code._id).update({ data }) as Promise<unknown>,
    insertIfAbsent<TraceQueryRecord>(db, TRACE_QUERIES, { _id: traceQueryId(code._id, openid), code: code._id, openid, firstAt: now }),
  ])
  return isNew
}
