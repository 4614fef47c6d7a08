// When a live starts, as a mother reads it: the countdown and the day in China time. Pure and
// without imports: the home card (main package) shares it with the live pages (subpackage).

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** China time (UTC+8, no daylight saving): the day and clock a mother and the leader both mean. */
const CHINA_OFFSET = 8 * HOUR

const ms = (at: Date | number | string) => new Date(at).getTime()
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * What is left until `startAt`, as a countdown reads: days and hours a day or more ahead, hours and
 * minutes within a day, minutes and seconds in the last hour; '' once it has begun.
 */
export function countdownText(startAt: Date | number | string, now: Date | number | string): string {
  const left = ms(startAt) - ms(now)
  if (left <= 0) return ''
  const days = Math.floor(left / DAY)
  const hours = Math.floor((left % DAY) / HOUR)
  const minutes = Math.floor((left % HOUR) / MINUTE)
  const seconds = Math.floor((left % MINUTE) / SECOND)
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${pad(minutes)}分`
  return `${pad(minutes)}分${pad(seconds)}秒`
}

/** How often a countdown needs redrawing: every second in its last hour, every half minute before. */
export function countdownTick(startAt: Date | number | string, now: Date | number | string): number {
  return ms(startAt) - ms(now) <= HOUR ? SECOND : 30 * SECOND
}

/** `YYYY-MM-DD` and `HH:mm` of an instant in China time. */
function chinaParts(at: number): { y: number; m: number; d: number; hm: string } {
  const c = new Date(at + CHINA_OFFSET)
  return { y: c.getUTCFullYear(), m: c.getUTCMonth() + 1, d: c.getUTCDate(), hm: `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}` }
}

/** "今天 20:00", "明天 20:00", "后天 20:00", "12月3日 20:00" (another year: "2027年1月3日 20:00"), China time. */
export function startLabel(startAt: Date | number | string, now: Date | number | string): string {
  const s = chinaParts(ms(startAt))
  const n = chinaParts(ms(now))
  const days = Math.round((Date.UTC(s.y, s.m - 1, s.d) - Date.UTC(n.y, n.m - 1, n.d)) / DAY)
  const near: Record<number, string> = { 0: '今天', 1: '明天', 2: '后天', [-1]: '昨天' }
  const day = near[days] ?? (s.y === n.y ? `${s.m}月${s.d}日` : `${s.y}年${s.m}月${s.d}日`)
  return `${day} ${s.hm}`
}

/** "12月1日 20:00", China time, for text read later than it was written (a shared chat card). */
export function startDate(startAt: Date | number | string): string {
  const s = chinaParts(ms(startAt))
  return `${s.m}月${s.d}日 ${s.hm}`
}
