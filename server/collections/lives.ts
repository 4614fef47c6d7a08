import type { Database } from '../cloud'
import type { LiveRecord } from '../../domain/live'
import { findById, insertOnce } from './documents'
import { readPage, type PageRequest, type PageResult } from './paging'

export const LIVES = 'lives'

/** A list shows at most this many upcoming and this many recent lives (a few a week are posted). */
export const LIVE_LIST_LIMIT = 20
/** How many lives one timer run works through per kind of message. */
const DUE_LIMIT = 10

type Query = ReturnType<ReturnType<Database['collection']>['where']>

/** `id` from the client's request id: a retried create answers the record the first attempt stored. */
export const insertLive = (db: Database, live: Omit<LiveRecord, '_id'>, id?: string) => insertOnce(db, LIVES, live, id)

export const findLive = (db: Database, id: string) => findById<LiveRecord>(db, LIVES, id)

/**
 * The targeting rule of domain `canSeeLive` as a query over one or more `bases` (or'ed):
 * `visibleTags` null = every live (staff); otherwise untargeted lives plus those for one of her tags.
 */
function visible(db: Database, bases: Record<string, unknown>[], visibleTags: string[] | null): Query {
  const _ = db.command
  const coll = db.collection(LIVES)
  const branches =
    visibleTags === null
      ? bases
      : bases.flatMap((base) => (visibleTags.length === 0 ? [{ ...base, targeted: false }] : [{ ...base, targeted: false }, { ...base, targetTags: _.in(visibleTags) }]))
  return branches.length === 1 ? coll.where(branches[0]) : coll.where(_.or(branches))
}

async function read(query: Query, field: string, dir: 'asc' | 'desc'): Promise<LiveRecord[]> {
  const res = (await query.orderBy(field, dir).limit(LIVE_LIST_LIMIT).get()) as unknown as { data: LiveRecord[] }
  return res.data
}

/**
 * Upcoming: scheduled lives that have not been on air longer than `onAirSince` allows, soonest
 * first. Recent: finished ones, and scheduled ones past that, that started since `recentSince`,
 * latest first. Both on the `status_startAt` index.
 */
export async function listLives(db: Database, visibleTags: string[] | null, bounds: { onAirSince: Date; recentSince: Date }) {
  const _ = db.command
  const [upcoming, recent] = await Promise.all([
    read(visible(db, [{ status: 'scheduled', startAt: _.gte(bounds.onAirSince) }], visibleTags), 'startAt', 'asc'),
    read(
      visible(db, [{ status: 'finished', startAt: _.gte(bounds.recentSince) }, { status: 'scheduled', startAt: _.and(_.gte(bounds.recentSince), _.lt(bounds.onAirSince)) }], visibleTags),
      'startAt',
      'desc',
    ),
  ])
  return { upcoming, recent }
}

/**
 * The leaders' console: every live in one status (cancelled ones too, which no member list shows),
 * on the `status_startAt` index. Scheduled soonest first, so one left unfinished after it aired
 * tops the list; finished and cancelled latest first.
 */
export function livesByStatus(db: Database, status: LiveRecord['status'], page: PageRequest): Promise<PageResult<LiveRecord>> {
  return readPage<LiveRecord>(db.collection(LIVES).where({ status }), [['startAt', status === 'scheduled' ? 'asc' : 'desc']], page)
}

/** Applies a leader's edit while the live is in one of `statuses`; false when it is not (gone, or cancelled). */
export async function updateLiveIf(db: Database, id: string, statuses: LiveRecord['status'][], data: Record<string, unknown>): Promise<boolean> {
  const _ = db.command
  const res = (await db.collection(LIVES).where({ _id: id, status: _.in(statuses) }).update({ data })) as { stats: { updated: number } }
  return res.stats.updated === 1
}

/** Lives whose announcement is still to go out (any status: a cancelled one is cleared by the timer). */
export async function dueAnnouncements(db: Database): Promise<LiveRecord[]> {
  const res = (await db.collection(LIVES).where({ announcePending: true }).limit(DUE_LIMIT).get()) as unknown as { data: LiveRecord[] }
  return res.data
}

/** Lives whose reminder time has come and whose reminder is still to go out. */
export async function dueReminders(db: Database, now: Date): Promise<LiveRecord[]> {
  const _ = db.command
  const res = (await db.collection(LIVES).where({ reminderPending: true, reminderAt: _.lte(now) }).orderBy('reminderAt', 'asc').limit(DUE_LIMIT).get()) as unknown as {
    data: LiveRecord[]
  }
  return res.data
}

/** Where a run stopped in a live's recipients, or that the message is done (`done`). */
export async function saveProgress(db: Database, id: string, kind: 'announce' | 'reminder', progress: { cursor: string } | { done: Date }): Promise<void> {
  const _ = db.command
  const data =
    'cursor' in progress
      ? { [`${kind}Cursor`]: progress.cursor }
      : { [`${kind}Pending`]: false, [kind === 'announce' ? 'announcedAt' : 'remindedAt']: progress.done, [`${kind}Cursor`]: _.remove() }
  await db.collection(LIVES).doc(id).update({ data })
}
