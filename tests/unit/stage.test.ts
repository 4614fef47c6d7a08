import { describeAge, stageForMonthAge, stageOf } from '../../domain/stage'
import { addDays, chinaDay, monthAge } from '../../domain/time'

const at = (iso: string) => new Date(iso)

describe('month age', () => {
  test('counts whole months on China calendar days', () => {
    expect(monthAge('2026-05-28', at('2026-11-28T00:00:00+08:00'))).toBe(6)
    expect(monthAge('2026-05-29', at('2026-11-28T23:59:00+08:00'))).toBe(5)
    // 2026-11-27 17:00 UTC is already the 28th in China
    expect(monthAge('2026-05-28', at('2026-11-27T17:00:00Z'))).toBe(6)
  })

  test('advances as time passes', () => {
    const birth = '2026-01-15'
    expect(monthAge(birth, at('2026-07-14T12:00:00+08:00'))).toBe(5)
    expect(monthAge(birth, at('2026-07-15T12:00:00+08:00'))).toBe(6)
  })
})

describe('stage', () => {
  test.each([
    [0, '0-6月'],
    [5, '0-6月'],
    [6, '6-12月'],
    [11, '6-12月'],
    [12, '1-3岁'],
    [35, '1-3岁'],
    [36, '3岁+'],
  ])('%i months → %s', (months, tag) => {
    expect(stageForMonthAge(months).tag).toBe(tag)
  })

  test('a due date ahead is 孕期, whatever the month difference', () => {
    expect(stageOf('2026-12-20', at('2026-11-28T10:00:00+08:00')).tag).toBe('孕期')
    expect(describeAge('2026-12-20', at('2026-11-28T10:00:00+08:00'))).toBe('孕期')
  })

  test('ages read naturally', () => {
    const now = at('2026-11-28T10:00:00+08:00')
    expect(describeAge('2026-06-01', now)).toBe('5 个月')
    expect(describeAge('2025-11-28', now)).toBe('1 岁')
    expect(describeAge('2024-09-01', now)).toBe('2 岁 2 个月')
  })
})

test('chinaDay and addDays', () => {
  expect(chinaDay('2026-11-27T16:30:00Z')).toBe('2026-11-28')
  expect(addDays('2026-11-28T10:00:00+08:00', 3).toISOString()).toBe('2026-12-01T02:00:00.000Z')
})
