import dayjs from 'dayjs'

/** Calendar day in China time (UTC+8), the day a mother and a timer trigger both mean. */
export function chinaDay(at: Date | number | string): string {
  return dayjs(at).add(8, 'hour').toISOString().slice(0, 10)
}

/**
 * Whole months from birth to `now` (negative while expecting: due date in the future).
 * Counted on calendar days in China time so "满 6 个月" flips on the right morning.
 */
export function monthAge(birthDate: string, now: Date | number): number {
  const today = dayjs(chinaDay(now))
  return today.diff(dayjs(birthDate), 'month')
}

/** Adds whole days to an instant, e.g. the follow-up call 3 days after delivery. */
export function addDays(at: Date | number | string, days: number): Date {
  return dayjs(at).add(days, 'day').toDate()
}
