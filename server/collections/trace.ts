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
 * Inserts new codes, SLICE at a time (one insert of many documents is all-or-nothing). A slice that
 * collides (another import stored one of its codes a moment ago) is inserted code by code; the
 * codes that collided are answered so the report can name them.
 */
export async function insertCodes(db: Database, codes: readonly string[], batchId: string, importId: string): Promise<{ inserted: number; collided: string[] }> {
  let inserted = 0
  const collided: string[] = []
  const doc = (code: string): TraceCodeRecord => ({ _id: code, batchId, importId, queryCount: 0, distinctQueriers: 0 })
  const slices: string[][] = []
  for (let i = 0; i < codes.length; i += SLICE) slices.push(codes.slice(i, i + SLICE))
  const insertSlice = async (slice: string[]) => {
    try {
      await db.collection(TRACE_CODES).add({ data: slice.map(doc) })
      inserted += slice.length
    } catch (e) {
      if (!isDuplicateKey(e)) throw e
      for (const code of slice) {
        if (await insertIfAbsent(db, TRACE_CODES, doc(code))) inserted++
        else collided.push(code)
      }
    }
  }
  for (let i = 0; i < slices.length; i += 2) await Promise.all(slices.slice(i, i + 2).map(insertSlice))
  return { inserted, collided }
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

export async function hasQueried(db: Database, code: string, openid: string): Promise<boolean> {
  const res = (await db.collection(TRACE_QUERIES).where({ _id: traceQueryId(code, openid) }).count()) as { total: number }
  return res.total > 0
}

/**
 * Counts one lookup. Her repeat lookup is one atomic increment. Her first lookup of this code also
 * adds her to the code's distinct queriers: her query record and both counters are one transaction,
 * so she is counted once however often she retries. Answers the code's counters afterwards.
 */
export async function countLookup(db: Database, code: TraceCodeRecord, openid: string, repeat: boolean, now: Date): Promise<TraceCodeRecord> {
  const _ = db.command
  if (repeat) {
    await db.collection(TRACE_CODES).doc(code._id).update({ data: { queryCount: _.inc(1) } })
    return { ...code, queryCount: code.queryCount + 1, firstQueriedAt: code.firstQueriedAt ?? now }
  }
  return inTransaction(db, async (t) => {
    const qid = traceQueryId(code._id, openid)
    const current = (await readInTransaction<TraceCodeRecord>(t, TRACE_CODES, code._id)) ?? code
    const counted = await readInTransaction(t, TRACE_QUERIES, qid)
    const next = {
      queryCount: current.queryCount + 1,
      distinctQueriers: current.distinctQueriers + (counted ? 0 : 1),
      firstQueriedAt: current.firstQueriedAt ?? now,
    }
    if (!counted) await t.collection(TRACE_QUERIES).doc(qid).set({ data: { code: code._id, openid, firstAt: now } })
    await t.collection(TRACE_CODES).doc(code._id).update({ data: next })
    return { ...current, ...next }
  })
}
