// Plausible dates. The community serves expecting mothers and children up to six years old, and a
// contest runs for weeks, not centuries: anything outside these bounds is a typo or a probe.
import dayjs from 'dayjs'
import { AppError } from './errors'
import { chinaDay } from './time'

/** Oldest baby the community serves, in years. */
export const MAX_CHILD_AGE_YEARS = 6
/** How far ahead a due date may be, in months (a pregnancy is found out after a month or two). */
export const MAX_DUE_MONTHS_AHEAD = 10
/** How far ahead a contest's deadline may be, in days. */
export const MAX_CONTEST_DAYS = 180

/** The earliest and latest `YYYY-MM-DD` accepted as a baby's birth date or due date on `now`'s day (China time). */
export function babyDateRange(now: Date | number): { earliest: string; latest: string } {
  const today = dayjs(chinaDay(now))
  return {
    earliest: today.subtract(MAX_CHILD_AGE_YEARS, 'year').format('YYYY-MM-DD'),
    latest: today.add(MAX_DUE_MONTHS_AHEAD, 'month').format('YYYY-MM-DD'),
  }
}

/** Birth dates up to six years back; a date ahead is a due date, up to ten months ahead. Bounds included. */
export function assertBabyDateInRange(date: string, now: Date | number): void {
  const { earliest, latest } = babyDateRange(now)
  if (date < earliest) throw new AppError('BAD_INPUT', `宝宝生日/预产期：社群服务 ${MAX_CHILD_AGE_YEARS} 岁以内的宝宝，生日不能早于 ${earliest}`)
  if (date > latest) throw new AppError('BAD_INPUT', `宝宝生日/预产期：预产期最多填 ${MAX_DUE_MONTHS_AHEAD} 个月以内，不能晚于 ${latest}`)
}

/** A contest must end in the future (or nobody could enter) and within 180 days (bound included). */
export function assertDeadlineInRange(deadline: Date, now: Date | number): void {
  const t = new Date(now).getTime()
  if (deadline.getTime() <= t) throw new AppError('BAD_INPUT', '截止时间需晚于现在')
  if (deadline.getTime() > t + MAX_CONTEST_DAYS * 86400_000) throw new AppError('BAD_INPUT', `截止时间最多设在 ${MAX_CONTEST_DAYS} 天以内`)
}
