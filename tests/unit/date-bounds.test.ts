import { assertBabyDateInRange, assertDeadlineInRange, babyDateRange } from '../../domain/date-bounds'

// 2026-11-28 10:00 China time
const now = new Date('2026-11-28T02:00:00Z')

describe('baby birth date / due date', () => {
  test('the range is six years back to ten months ahead, on the China-time day', () => {
    expect(babyDateRange(now)).toEqual({ earliest: '2020-11-28', latest: '2027-09-28' })
    // 23:30 UTC is already the next day in China
    expect(babyDateRange(new Date('2026-11-28T16:30:00Z'))).toEqual({ earliest: '2020-11-29', latest: '2027-09-29' })
  })
  test.each(['2020-11-28', '2026-11-28', '2027-09-28'])('%s (inside, bounds included) passes', (d) => {
    expect(() => assertBabyDateInRange(d, now)).not.toThrow()
  })
  test.each([
    ['2020-11-27', '不能早于 2020-11-28'],
    ['0001-01-01', '6 岁以内'],
    ['2027-09-29', '不能晚于 2027-09-28'],
    ['2029-11-28', '10 个月以内'],
  ])('%s is BAD_INPUT saying the bound', (d, says) => {
    expect(() => assertBabyDateInRange(d, now)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining(says) }))
  })
})

describe('contest deadline', () => {
  const DAY = 86400_000
  test('strictly after now and at most 180 days ahead', () => {
    expect(() => assertDeadlineInRange(now, now)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: '截止时间需晚于现在' }))
    expect(() => assertDeadlineInRange(new Date(now.getTime() + 1), now)).not.toThrow()
    expect(() => assertDeadlineInRange(new Date(now.getTime() + 180 * DAY), now)).not.toThrow()
    expect(() => assertDeadlineInRange(new Date(now.getTime() + 180 * DAY + 1), now)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', message: '截止时间最多设在 180 天以内' }))
    expect(() => assertDeadlineInRange(new Date('9999-12-31T00:00:00Z'), now)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }))
  })
})
