// The 7-field cron of WeChat timer triggers (sec min hour day month weekday year), in China time.
import { nextFire, parseCron } from '../../localcloud/functions/cron'

const china = (iso: string) => Date.parse(`${iso}+08:00`)
const next = (cron: string, fromChinaIso: string) => {
  const t = nextFire(parseCron(cron), china(fromChinaIso))
  return t === null ? null : new Date(t + 8 * 3600_000).toISOString().replace('.000Z', '')
}

test('a daily time is in China time (UTC+8)', () => {
  expect(next('0 0 9 * * * *', '2025-03-01T08:00:00')).toBe('2025-03-01T09:00:00')
  expect(next('0 0 9 * * * *', '2025-03-01T09:00:00')).toBe('2025-03-02T09:00:00')
  expect(nextFire(parseCron('0 0 9 * * * *'), china('2025-03-01T08:00:00'))).toBe(Date.parse('2025-03-01T01:00:00Z'))
})

test('steps, lists and ranges', () => {
  expect(next('*/15 * * * * * *', '2025-03-01T10:00:07')).toBe('2025-03-01T10:00:15')
  expect(next('0 */5 * * * * *', '2025-03-01T10:03:00')).toBe('2025-03-01T10:05:00')
  expect(next('0 0 8,20 * * * *', '2025-03-01T09:00:00')).toBe('2025-03-01T20:00:00')
  expect(next('0 30 9-11 * * * *', '2025-03-01T11:31:00')).toBe('2025-03-02T09:30:00')
  expect(next('0 0 0 1 * * *', '2025-03-15T00:00:00')).toBe('2025-04-01T00:00:00')
  expect(next('0 0 10 * * MON-FRI *', '2025-03-01T00:00:00')).toBe('2025-03-03T10:00:00') // Sat → Mon
  expect(next('0 0 10 * * 0 *', '2025-03-03T00:00:00')).toBe('2025-03-09T10:00:00')
  expect(next('0 0 0 29 2 * *', '2025-01-01T00:00:00')).toBe('2028-02-29T00:00:00')
  expect(next('0 0 0 1 1 * 2026', '2025-06-01T00:00:00')).toBe('2026-01-01T00:00:00')
  expect(next('0 0 0 1 1 * 2024', '2025-06-01T00:00:00')).toBeNull()
})

test('invalid expressions are rejected', () => {
  expect(() => parseCron('0 0 9 * * *')).toThrow(/7 fields/)
  expect(() => parseCron('61 0 9 * * * *')).toThrow(/out of range/)
  expect(() => parseCron('0 0 9 * * * x')).toThrow(/bad value/)
  expect(() => parseCron('*/0 0 9 * * * *')).toThrow(/bad step/)
})
