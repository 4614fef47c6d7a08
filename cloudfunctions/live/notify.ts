// The live messages, sent by the `live` function's timer (every minute): the announcement of a new
// live to targeted members holding an announcement consent, and the reminder 10 minutes before the
// start to those who tapped 提醒我. Each message to each mother is claimed once in `liveNotices`
// (server/collections/live-notices.ts), so a timer fired twice, a retry, or two runs at once send
// nothing twice. A run that runs short of time leaves a cursor; the next run goes on from there.
import { canSeeLive, LATE_REMINDER_MS, SCENE_LABELS, type LiveRecord } from '../../domain/live'
import type { MemberRecord } from '../../domain/member'
import { isStaff } from '../../domain/roles'
import { liveAnnounceMessage, liveReminderMessage, TEMPLATE_IDS } from '../../domain/notifications'
import { PAGES } from '../../domain/pages'
import { clearCredits, consentHolders } from '../../server/collections/consents'
import { claimLiveNotice, settleLiveNotice, type LiveNoticeKind } from '../../server/collections/live-notices'
import { signupsOf } from '../../server/collections/live-reminders'
import { dueAnnouncements, dueReminders, saveProgress } from '../../server/collections/lives'
import type { TimerContext } from '../../server/router'

/** WeChat's "user refuse to accept the msg": she has no consent left on the platform's count. */
const NO_CONSENT = 43101
const PAGE = 100
/**
 * Stop starting new messages after this long: one message is a claim transaction, a send and a
 * settle (about ten calls), so the run ends well inside the function's 60 s limit.
 */
const BUDGET_MS = 40_000

export interface NoticeRunStats {
  sent: number
  refused: number
  failed: number
  skipped: number
}

interface Run {
  ctx: TimerContext
  stats: NoticeRunStats
  deadline: number
}

async function admittedMembers(ctx: TimerContext, openids: string[]): Promise<Map<string, MemberRecord>> {
  const _ = ctx.db.command
  const res = (await ctx.db.collection('members').where({ _id: _.in(openids) }).limit(openids.length).get()) as unknown as { data: MemberRecord[] }
  return new Map(res.data.filter((m) => m.status === 'member' || isStaff(m)).map((m) => [m._id, m]))
}

/** Claims, sends and records one message to one mother. */
async function sendOne(run: Run, kind: LiveNoticeKind, live: LiveRecord, openid: string): Promise<void> {
  const { ctx, stats } = run
  const templateId = kind === 'liveAnnounce' ? TEMPLATE_IDS.liveAnnounce : TEMPLATE_IDS.liveReminder
  const { id, claim } = await claimLiveNotice(ctx.db, { kind, liveId: live._id, openid, templateId, now: ctx.now() })
  if (claim === 'done') return
  if (claim === 'refused') {
    stats.refused++
    return
  }
  const startAt = new Date(live.startAt).toISOString()
  try {
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId,
      page: `${PAGES.liveDetail}?id=${live._id}`,
      data: kind === 'liveAnnounce' ? liveAnnounceMessage(live.title, startAt, live.host.name, SCENE_LABELS[live.scene]) : liveReminderMessage(live.title, startAt, live.host.name),
      miniprogramState: 'formal',
    })
    await settleLiveNotice(ctx.db, id, { status: 'sent' }, ctx.now())
    stats.sent++
  } catch (e) {
    const errCode = (e as { errCode?: unknown })?.errCode
    const code = typeof errCode === 'number' ? { errCode } : {}
    if (errCode === NO_CONSENT) {
      await settleLiveNotice(ctx.db, id, { status: 'refused', reason: 'platformRefused', ...code }, ctx.now())
      await clearCredits(ctx.db, openid, templateId, ctx.now())
      stats.refused++
    } else {
      console.warn('live notice not sent', errCode ?? e)
      await settleLiveNotice(ctx.db, id, { status: 'failed', reason: 'platformError', ...code }, ctx.now())
      stats.failed++
    }
  }
}

/**
 * Walks one live's recipients page by page from its cursor. `recipients` answers openids in order
 * after a cursor; `eligible` filters a page. The time budget is checked before each message, and a
 * run that runs out saves the last openid it finished: the next run goes on from there. Answers
 * false when the run stopped for time.
 */
async function walk(run: Run, live: LiveRecord, kind: 'announce' | 'reminder', recipients: (after: string) => Promise<string[]>, eligible: (page: string[]) => Promise<string[]>): Promise<boolean> {
  const noticeKind: LiveNoticeKind = kind === 'announce' ? 'liveAnnounce' : 'liveReminder'
  let cursor = (kind === 'announce' ? live.announceCursor : live.reminderCursor) ?? ''
  for (;;) {
    const page = await recipients(cursor)
    if (page.length === 0) break
    const wanted = new Set(await eligible(page))
    for (const openid of page) {
      if (Date.now() > run.deadline) {
        if (cursor) await saveProgress(run.ctx.db, live._id, kind, { cursor })
        return false
      }
      if (wanted.has(openid)) await sendOne(run, noticeKind, live, openid)
      cursor = openid
    }
    if (page.length < PAGE) break
    await saveProgress(run.ctx.db, live._id, kind, { cursor })
  }
  await saveProgress(run.ctx.db, live._id, kind, { done: run.ctx.now() })
  return true
}

async function announce(run: Run, live: LiveRecord): Promise<boolean> {
  const { ctx } = run
  if (live.status !== 'scheduled' || new Date(live.startAt).getTime() <= ctx.now().getTime()) {
    await saveProgress(ctx.db, live._id, 'announce', { done: ctx.now() }) // cancelled or begun: nothing to announce
    return true
  }
  return walk(run, live, 'announce', (after) => consentHolders(ctx.db, TEMPLATE_IDS.liveAnnounce, after, PAGE), async (page) => {
    const members = await admittedMembers(ctx, page)
    return page.filter((openid) => {
      const m = members.get(openid)
      return m !== undefined && canSeeLive(live, { roles: m.roles, tags: m.tags })
    })
  })
}

async function remind(run: Run, live: LiveRecord): Promise<boolean> {
  const { ctx } = run
  const late = ctx.now().getTime() > new Date(live.startAt).getTime() + LATE_REMINDER_MS
  if (live.status !== 'scheduled' || late) {
    if (late) run.stats.skipped++
    await saveProgress(ctx.db, live._id, 'reminder', { done: ctx.now() })
    return true
  }
  // she signed up as a member; one who left the community since is not reminded
  return walk(run, live, 'reminder', (after) => signupsOf(ctx.db, live._id, after, PAGE), async (page) => {
    const members = await admittedMembers(ctx, page)
    return page.filter((openid) => members.has(openid))
  })
}

/** One timer run: due reminders first (they are time-critical), then announcements. */
export async function sendLiveNotices(ctx: TimerContext, budgetMs = BUDGET_MS): Promise<NoticeRunStats> {
  const run: Run = { ctx, stats: { sent: 0, refused: 0, failed: 0, skipped: 0 }, deadline: Date.now() + budgetMs }
  for (const live of await dueReminders(ctx.db, ctx.now())) if (!(await remind(run, live))) return run.stats
  for (const live of await dueAnnouncements(ctx.db)) if (!(await announce(run, live))) return run.stats
  const { sent, refused, failed, skipped } = run.stats
  if (sent + refused + failed + skipped > 0) console.log(`live notices: sent ${sent}, refused ${refused}, failed ${failed}, skipped ${skipped}`)
  return run.stats
}
