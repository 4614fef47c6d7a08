// Per-can trace codes (溯源码): a batch with its evidence, the codes printed on its cans, and what a
// lookup tells a mother. Pure rules; the `trace` function stores and counts.
import type { Evidence } from './live'

/** A can code as printed: letters, digits and `-`, compared without case (stored upper-case). */
export const CODE_PATTERN = /^[A-Za-z0-9-]{6,40}$/
export const normalizeCode = (code: string): string => code.trim().toUpperCase()

/**
 * One `trace.importCodes` call takes at most this many codes: 20,000 codes of up to 40 characters
 * are under 1 MB as JSON, far below the 5 MB a call may carry, and one chunk's writes finish well
 * inside the function's time limit. 100,000 codes are five chunks of one batch.
 */
export const MAX_CODES_PER_CHUNK = 20_000

/**
 * A genuine can is looked up by its buyer and perhaps her family. When this many different people
 * (openids) have looked one code up, the code has most likely been copied onto other cans.
 */
export const COUNTERFEIT_QUERIER_THRESHOLD = 5

/** How many of each kind of duplicate a report lists by name (all are counted). */
export const REPORT_SAMPLE = 100

export type TraceWarning = 'unknown' | 'manyQueriers'

export const TRACE_WARNING_MESSAGES: Record<TraceWarning, string> = {
  unknown: '未查询到该溯源码，可能是假冒产品。亲亲宝贝承诺假一赔十，请联系客服核实',
  manyQueriers: '该溯源码已被多人查询，可能被仿冒。亲亲宝贝承诺假一赔十，请联系客服核实',
}

export interface TraceBatchRecord {
  _id: string
  batchNo: string
  product: string
  /** production and expiry days, `YYYY-MM-DD` (China time) */
  producedAt: string
  expiresAt: string
  customsNo: string
  qualityReportFileID: string
  codeCount: number
  createdBy: string
  createdAt: Date
}

/** A document of `traceCodes`; `_id` is the code itself, so a lookup is one read by key. */
export interface TraceCodeRecord {
  _id: string
  batchId: string
  /** the import chunk that stored it: a retried chunk recognises its own codes */
  importId: string
  queryCount: number
  firstQueriedAt?: Date
}

export interface TraceLookupView {
  code: string
  found: boolean
  batch: { batchNo: string; customsNo: string } | null
  product: string | null
  producedAt: string | null
  expiresAt: string | null
  evidence: Evidence[]
  /** lookups of this code, this one included (0 for an unknown code) */
  queryCount: number
  firstQueriedAt: string | null
  warning?: { kind: TraceWarning; message: string }
}

/** `distinctQueriers`: different people who have looked the code up, this caller included; null = unknown code. */
export function warningFor(distinctQueriers: number | null): TraceWarning | undefined {
  if (distinctQueriers === null) return 'unknown'
  return distinctQueriers >= COUNTERFEIT_QUERIER_THRESHOLD ? 'manyQueriers' : undefined
}

export function batchEvidence(batch: Pick<TraceBatchRecord, 'customsNo' | 'qualityReportFileID'>): Evidence[] {
  return [
    { kind: 'customs', title: `报关单号 ${batch.customsNo}` },
    { kind: 'quality', title: '质检报告', fileID: batch.qualityReportFileID },
  ]
}

export interface ParsedCodes {
  /** distinct codes, normalised, in their first order */
  codes: string[]
  /** codes given more than once in this request (each listed once) */
  repeated: string[]
  repeatedCount: number
  /** entries that are not codes: 1-based position (line for CSV) and the text */
  invalid: { at: number; value: string }[]
}

/** The first column of each CSV line; a first line that is not a code is taken for a header. */
export function codesFromCsv(csv: string): { values: string[]; firstAt: number } {
  const lines = csv.split(/\r?\n/).map((l) => l.split(',')[0].replace(/^"|"$/g, '').trim())
  while (lines.length && lines[lines.length - 1] === '') lines.pop()
  const header = lines.length > 0 && !CODE_PATTERN.test(lines[0])
  return header ? { values: lines.slice(1), firstAt: 2 } : { values: lines, firstAt: 1 }
}

export function parseCodes(values: readonly string[], firstAt = 1): ParsedCodes {
  const seen = new Set<string>()
  const repeated = new Set<string>()
  let repeatedCount = 0
  const invalid: ParsedCodes['invalid'] = []
  values.forEach((raw, i) => {
    const code = normalizeCode(raw)
    if (!CODE_PATTERN.test(code)) {
      invalid.push({ at: i + firstAt, value: raw.slice(0, 60) })
      return
    }
    if (seen.has(code)) {
      repeated.add(code)
      repeatedCount++
    } else seen.add(code)
  })
  return { codes: [...seen], repeated: [...repeated], repeatedCount, invalid }
}

/** What one chunk did; a retried chunk answers the same report. */
export interface ImportReport {
  batchId: string
  received: number
  imported: number
  duplicates: {
    /** given more than once in this chunk: stored once */
    inRequest: { count: number; sample: string[] }
    /** stored by an earlier chunk of this batch: left as it is */
    alreadyInBatch: { count: number; sample: string[] }
    /** belonging to another batch: not moved (a mix-up worth checking) */
    inOtherBatch: { count: number; sample: string[] }
  }
  batchCodeCount: number
}

export const sampleOf = (codes: readonly string[]) => ({ count: codes.length, sample: codes.slice(0, REPORT_SAMPLE) })

/** The chunks' reports added up: one report for the whole import. */
export function mergeReports(reports: ImportReport[]): ImportReport {
  const merged: ImportReport = {
    batchId: reports[0]?.batchId ?? '',
    received: 0,
    imported: 0,
    duplicates: { inRequest: { count: 0, sample: [] }, alreadyInBatch: { count: 0, sample: [] }, inOtherBatch: { count: 0, sample: [] } },
    batchCodeCount: reports[reports.length - 1]?.batchCodeCount ?? 0,
  }
  for (const r of reports) {
    merged.received += r.received
    merged.imported += r.imported
    for (const key of ['inRequest', 'alreadyInBatch', 'inOtherBatch'] as const) {
      merged.duplicates[key].count += r.duplicates[key].count
      merged.duplicates[key].sample = [...merged.duplicates[key].sample, ...r.duplicates[key].sample].slice(0, REPORT_SAMPLE)
    }
  }
  return merged
}
