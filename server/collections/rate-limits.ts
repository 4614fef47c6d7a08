// Per-member write limits, enforced by the database so they hold across function instances.
//
// One counter document per (member, action, window). Admitting a write is one conditional update
// `count < max → count + 1`: the condition and the increment are one atomic operation, so any
// number of parallel calls admit exactly `max`. The first write of a window creates the document;
// when two create it at once the loser's insert collides and it takes the conditional update.
// A write whose insert later fails still used its slot: the counter is a ceiling, never a ledger.
import { createHash } from 'node:crypto'
import type { Database } from '../cloud'
import { AppError } from '../../domain/errors'
import { RATE_LIMITS, rateLimitMessage, windowStart, type RateLimitedAction } from '../../domain/rate-limits'
import { insertIfAbsent } from './documents'

export const RATE_LIMIT_COUNTERS = 'rateLimits'

export interface RateLimitCounter {
  _id: string
  openid: string
  action: RateLimitedAction
  windowStart: Date
  count: number
}

const counterId = (openid: string, action: string, start: number) =>
  `rl${createHash('sha256').update(`${openid}\u0000${action}\u0000${start}`).digest('hex').slice(0, 32)}`

async function takeSlot(db: Database, id: string, max: number): Promise<boolean> {
  const _ = db.command
  const res = (await db.collection(RATE_LIMIT_COUNTERS).where({ _id: id, count: _.lt(max) }).update({ data: { count: _.inc(1) } })) as { stats: { updated: number } }
  return res.stats.updated === 1
}

/** Admits one write of `action` by `openid` now, or throws RATE_LIMITED. */
export async function consumeRateLimit(db: Database, openid: string, action: RateLimitedAction, now: Date): Promise<void> {
  const limit = RATE_LIMITS[action]
  const start = windowStart(now, limit.windowMs)
  const id = counterId(openid, action, start)
  if (await takeSlot(db, id, limit.max)) return
  const counter: RateLimitCounter = { _id: id, openid, action, windowStart: new Date(start), count: 1 }
  if (await insertIfAbsent(db, RATE_LIMIT_COUNTERS, counter)) return
  if (await takeSlot(db, id, limit.max)) return
  throw new AppError('RATE_LIMITED', rateLimitMessage(limit))
}
