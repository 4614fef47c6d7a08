// How fast one member may write. The limits are data: the server enforces them with one counter
// document per member, action and window (see server/collections/rate-limits.ts).

export interface RateLimit {
  /** writes admitted per window */
  max: number
  windowMs: number
  /** what she was doing, for the message */
  label: string
  /** the window in words, for the message */
  per: string
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE

export const RATE_LIMITS = {
  'content.ask': { max: 20, windowMs: HOUR, label: '提问', per: '每小时' },
  'content.postDiary': { max: 20, windowMs: HOUR, label: '发日记', per: '每小时' },
  'content.like': { max: 120, windowMs: HOUR, label: '点赞', per: '每小时' },
  // editDiary and editQuestion share one counter: each edit is a content check like a new post
  'content.edit': { max: 30, windowMs: HOUR, label: '修改', per: '每小时' },
  // during a live a mother may ask in bursts; the leader curates, so the limit only stops floods
  'live.ask': { max: 10, windowMs: 10 * MINUTE, label: '直播提问', per: '每 10 分钟' },
  // a lookup writes (counts); a person scanning her own cans needs a few, a script needs thousands
  'trace.lookup': { max: 60, windowMs: HOUR, label: '查询溯源码', per: '每小时' },
} as const satisfies Record<string, RateLimit>

export type RateLimitedAction = keyof typeof RATE_LIMITS

/** The window an instant falls in, as its start (fixed windows aligned to the epoch). */
export function windowStart(now: Date | number, windowMs: number): number {
  const t = new Date(now).getTime()
  return t - (t % windowMs)
}

export function rateLimitMessage(limit: RateLimit): string {
  return `${limit.label}太频繁了，${limit.per}最多 ${limit.max} 次，请稍后再试`
}
