// Trace codes: the leader's import, split into chunks the function takes, and anyone's lookup.
import { MAX_CODES_PER_CHUNK, mergeReports, type ImportReport } from '../../domain/trace'
import type { ImportCodesInput } from '../../domain/schemas/trace'
import { call } from './cloud'
import { submitOnce } from './request-id'

export const lookupCode = (code: string) => call('trace', 'lookup', { code })

export type BatchFields = Omit<ImportCodesInput, 'codes' | 'csv' | 'requestId'>

/**
 * Imports any number of codes (100,000 and more) as chunks of at most MAX_CODES_PER_CHUNK, one
 * after another, each with its own requestId: a chunk resent after a lost answer is not stored
 * twice, and a failed import can be run again (codes already in the batch are reported, not
 * doubled). A code repeated across chunks is reported by the later chunk as already in the batch.
 */
export async function importCodes(batch: BatchFields, codes: readonly string[], onProgress?: (done: number, total: number) => void): Promise<ImportReport> {
  const reports: ImportReport[] = []
  for (let from = 0; from < codes.length; from += MAX_CODES_PER_CHUNK) {
    const chunk = codes.slice(from, from + MAX_CODES_PER_CHUNK)
    reports.push(await submitOnce((requestId) => call('trace', 'importCodes', { ...batch, codes: chunk, requestId })))
    onProgress?.(Math.min(from + MAX_CODES_PER_CHUNK, codes.length), codes.length)
  }
  return mergeReports(reports)
}
