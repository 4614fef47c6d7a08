import { traceSchemas } from '../../domain/schemas/trace'
import { codesFromCsv, COUNTERFEIT_QUERIER_THRESHOLD, MAX_CODES_PER_CHUNK, normalizeCode, parseCodes, warningFor } from '../../domain/trace'

test('codes are compared without case and surrounding spaces', () => {
  expect(normalizeCode('  nz-a2-0001 ')).toBe('NZ-A2-0001')
})

test('parsing reports repeats once each and counts every repeat; bad entries by position', () => {
  const parsed = parseCodes(['AAA111', 'aaa111', 'BBB222', 'AAA111', 'x', 'CCC333', 'bad code'])
  expect(parsed.codes).toEqual(['AAA111', 'BBB222', 'CCC333'])
  expect(parsed.repeated).toEqual(['AAA111'])
  expect(parsed.repeatedCount).toBe(2)
  expect(parsed.invalid).toEqual([{ at: 5, value: 'x' }, { at: 7, value: 'bad code' }])
})

test('CSV: the first column, a header line skipped, blank trailing lines ignored, lines numbered as in the file', () => {
  const { values, firstAt } = codesFromCsv('溯源码,备注\r\n"AAA111",x\nBBB222\n\n')
  expect(values).toEqual(['AAA111', 'BBB222'])
  expect(parseCodes(['AAA111', '??'], firstAt).invalid).toEqual([{ at: 3, value: '??' }])
  expect(codesFromCsv('AAA111\nBBB222')).toEqual({ values: ['AAA111', 'BBB222'], firstAt: 1 })
})

test('warnings: unknown codes, and codes looked up by the threshold of people or more', () => {
  expect(warningFor(null)).toBe('unknown')
  expect(warningFor(COUNTERFEIT_QUERIER_THRESHOLD - 1)).toBeUndefined()
  expect(warningFor(COUNTERFEIT_QUERIER_THRESHOLD)).toBe('manyQueriers')
})

test('an import chunk takes codes or CSV, at most one chunk of codes, and a requestId', () => {
  const base = { batchNo: 'B1', product: '奶粉', producedAt: '2026-10-01', expiresAt: '2028-09-30', customsNo: '123', qualityReportFileID: 'cloud://e.b/q.pdf', requestId: 'req-12345678' }
  expect(traceSchemas.importCodes.safeParse({ ...base, codes: ['AAA111'] }).success).toBe(true)
  expect(traceSchemas.importCodes.safeParse({ ...base, csv: 'AAA111' }).success).toBe(true)
  expect(traceSchemas.importCodes.safeParse({ ...base }).success).toBe(false)
  expect(traceSchemas.importCodes.safeParse({ ...base, codes: ['AAA111'], csv: 'AAA111' }).success).toBe(false)
  expect(traceSchemas.importCodes.safeParse({ ...base, codes: new Array(MAX_CODES_PER_CHUNK + 1).fill('AAA111') }).success).toBe(false)
  const { requestId: _omitted, ...noRequest } = base
  expect(traceSchemas.importCodes.safeParse({ ...noRequest, codes: ['AAA111'] }).success).toBe(false)
  // 20,000 codes of 40 characters as JSON stay far below the 5 MB a call may carry
  expect(JSON.stringify({ ...base, codes: new Array(MAX_CODES_PER_CHUNK).fill('A'.repeat(40)) }).length).toBeLessThan(1024 * 1024)
})
