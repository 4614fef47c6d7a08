// Live previews: leaders create, edit, cancel and finish them; members list and open them.
import { visibleTagsFor } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { canSeeLive, MAX_AHEAD_MS, ON_AIR_MS, RECENT_MS, reminderAtFor, toLiveView, type LiveRecord } from '../../domain/live'
import { liveSchemas, type UpdateLiveParams } from '../../domain/schemas/live'
import type { Database } from '../../server/cloud'
import { isSignedUp } from '../../server/collections/live-reminders'
import { findLive, insertLive, listLives, livesByStatus, updateLiveIf } from '../../server/collections/lives'
import { toPage } from '../../server/collections/paging'
import { assertSafeText, SCENE } from '../../server/content-check'
import { recordIdFor } from '../../server/request-ids'
import { action, type ActionContext } from '../../server/router'

const LIVE_MISSING = '直播不存在或已被删除'

function assertStartInRange(startAt: Date, now: Date): void {
  if (startAt.getTime() <= now.getTime()) throw new AppError('BAD_INPUT', '开播时间：应晚于现在')
  if (startAt.getTime() > now.getTime() + MAX_AHEAD_MS) throw new AppError('BAD_INPUT', '开播时间：最多提前 180 天预告')
}

/** Every text a member will read passes the content check, tag names included. */
function textsOf(input: Partial<UpdateLiveParams>): (string | undefined)[] {
  return [
    input.title, input.host?.name, input.host?.intro,
    ...(input.products ?? []).map((p) => p.name),
    ...(input.evidence ?? []).map((e) => e.title),
    ...(input.targetTags ?? []),
    ...(input.highlights ?? []),
  ]
}

/** The stored change for an edit: only the fields given; a new start moves the reminder if it has not gone out. */
function liveChanges(db: Database, input: UpdateLiveParams, live: LiveRecord, now: Date): Record<string, unknown> {
  const _ = db.command
  const data: Record<string, unknown> = { updatedAt: now }
  if (input.title !== undefined) data.title = input.title
  if (input.host !== undefined) data.host = _.set(input.host)
  if (input.scene !== undefined) data.scene = input.scene
  if (input.products !== undefined) data.products = _.set(input.products)
  if (input.evidence !== undefined) data.evidence = _.set(input.evidence)
  if (input.highlights !== undefined) data.highlights = _.set(input.highlights)
  if (input.targetTags !== undefined) {
    const tags = [...new Set(input.targetTags)]
    data.targetTags = _.set(tags)
    data.targeted = tags.length > 0
  }
  for (const key of ['coverFileID', 'finderUserName', 'replayUrl'] as const) {
    if (input[key] === null) data[key] = _.remove()
    else if (input[key] !== undefined) data[key] = input[key]
  }
  if (input.startAt !== undefined) {
    const startAt = new Date(input.startAt)
    if (startAt.getTime() !== new Date(live.startAt).getTime()) {
      assertStartInRange(startAt, now)
      data.startAt = startAt
      // a reminder not sent yet moves with the start; one already sent stays sent (she was told
      // once, the new time is on the page)
      data.reminderAt = reminderAtFor(startAt)
    }
  }
  return data
}

/** The live if she may see it; NOT_FOUND otherwise, as if it did not exist. */
export async function visibleLive(ctx: ActionContext, id: string): Promise<LiveRecord> {
  const live = await findLive(ctx.db, id)
  // a live not meant for her reads as missing: the link tells her nothing she may not see
  if (!live || !canSeeLive(live, { roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] })) throw new AppError('NOT_FOUND', LIVE_MISSING)
  return live
}

export const liveActions = {
  create: action({
    input: liveSchemas.create,
    handler: async (input, ctx) => {
      const now = ctx.now()
      const startAt = new Date(input.startAt)
      assertStartInRange(startAt, now)
      const targetTags = [...new Set(input.targetTags ?? [])]
      await assertSafeText(ctx.cloud, ctx.openid, textsOf({ ...input, targetTags }), SCENE.forum)
      const live: Omit<LiveRecord, '_id'> = {
        title: input.title,
        host: input.host,
        scene: input.scene,
        startAt,
        products: input.products,
        ...(input.coverFileID ? { coverFileID: input.coverFileID } : {}),
        evidence: input.evidence,
        targetTags,
        targeted: targetTags.length > 0,
        ...(input.finderUserName ? { finderUserName: input.finderUserName } : {}),
        status: 'scheduled',
        // the timer sends the announcement within a minute, and the reminder at reminderAt
        announcePending: true,
        reminderAt: reminderAtFor(startAt),
        reminderPending: true,
        createdBy: ctx.openid,
        createdAt: now,
      }
      return { id: await insertLive(ctx.db, live, recordIdFor(ctx.openid, 'live.create', input.requestId)) }
    },
  }),

  update: action({
    input: liveSchemas.update,
    handler: async (input, ctx) => {
      const live = await findLive(ctx.db, input.id)
      if (!live) throw new AppError('NOT_FOUND', LIVE_MISSING)
      if (live.status === 'cancelled') throw new AppError('CONFLICT', '这场直播已取消，不能再修改')
      await assertSafeText(ctx.cloud, ctx.openid, textsOf(input), SCENE.forum)
      // the status is in the write's query: a cancel landing in between wins
      if (!(await updateLiveIf(ctx.db, input.id, ['scheduled', 'finished'], liveChanges(ctx.db, input, live, ctx.now())))) {
        throw new AppError('CONFLICT', '这场直播已取消，不能再修改')
      }
      const after = await findLive(ctx.db, input.id)
      if (!after) throw new AppError('NOT_FOUND', LIVE_MISSING)
      return toLiveView(after, ctx.now())
    },
  }),

  cancel: action({
    input: liveSchemas.cancel,
    handler: async (input, ctx) => {
      const now = ctx.now()
      // both messages are switched off in the same write: the timer never announces a cancelled live
      const done = await updateLiveIf(ctx.db, input.id, ['scheduled'], { status: 'cancelled', cancelledAt: now, announcePending: false, reminderPending: false })
      if (!done) {
        const live = await findLive(ctx.db, input.id)
        if (!live) throw new AppError('NOT_FOUND', LIVE_MISSING)
        if (live.status === 'finished') throw new AppError('CONFLICT', '直播已结束，不能取消')
        // already cancelled: the same answer again
      }
      return { id: input.id, status: 'cancelled' as const }
    },
  }),

  finish: action({
    input: liveSchemas.finish,
    handler: async (input, ctx) => {
      await assertSafeText(ctx.cloud, ctx.openid, input.highlights ?? [], SCENE.forum)
      const _ = ctx.db.command
      const now = ctx.now()
      const data: Record<string, unknown> = { status: 'finished', finishedAt: now, updatedAt: now, reminderPending: false }
      if (input.replayUrl) data.replayUrl = input.replayUrl
      if (input.highlights) data.highlights = _.set(input.highlights)
      if (!(await updateLiveIf(ctx.db, input.id, ['scheduled', 'finished'], data))) {
        const live = await findLive(ctx.db, input.id)
        if (!live) throw new AppError('NOT_FOUND', LIVE_MISSING)
        throw new AppError('CONFLICT', '这场直播已取消')
      }
      const after = await findLive(ctx.db, input.id)
      if (!after) throw new AppError('NOT_FOUND', LIVE_MISSING)
      return toLiveView(after, now)
    },
  }),

  list: action({
    input: liveSchemas.list,
    handler: async (_input, ctx) => {
      const now = ctx.now()
      const tags = visibleTagsFor({ roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] })
      const { upcoming, recent } = await listLives(ctx.db, tags, {
        onAirSince: new Date(now.getTime() - ON_AIR_MS),
        recentSince: new Date(now.getTime() - RECENT_MS),
      })
      return { upcoming: upcoming.map((l) => toLiveView(l, now)), recent: recent.map((l) => toLiveView(l, now)) }
    },
  }),

  byStatus: action({
    input: liveSchemas.byStatus,
    handler: async (input, ctx) => {
      const now = ctx.now()
      return toPage(await livesByStatus(ctx.db, input.status, input), input, (l) => toLiveView(l, now))
    },
  }),

  get: action({
    input: liveSchemas.get,
    // 已提醒 on every device she uses, not only the one she tapped on
    handler: async (input, ctx) => {
      const [live, reminded] = await Promise.all([visibleLive(ctx, input.id), isSignedUp(ctx.db, input.id, ctx.openid)])
      return { ...toLiveView(live, ctx.now()), reminded }
    },
  }),
}
