// 提醒我: a mother records the one-time consents she just gave (on weapp the page asked for them with
// wx.requestSubscribeMessage inside the tap; the ids she accepted are sent here).
import { AppError } from '../../domain/errors'
import { phaseOf } from '../../domain/live'
import { TEMPLATE_IDS } from '../../domain/notifications'
import { liveSchemas } from '../../domain/schemas/live'
import { creditsOf, recordGrant } from '../../server/collections/consents'
import { recordIdFor } from '../../server/request-ids'
import { action } from '../../server/router'
import { visibleLive } from './lives'

const TEMPLATE_OF = { reminder: TEMPLATE_IDS.liveReminder, announce: TEMPLATE_IDS.liveAnnounce } as const

export const remindActions = {
  /**
   * Counts one consent per accepted template (the platform allows one message per accept, sendable
   * any time later) and, with the reminder accepted, signs her up for this live's reminder. One
   * transaction; the same requestId again counts nothing more.
   */
  remind: action({
    input: liveSchemas.remind,
    handler: async (input, ctx) => {
      const live = await visibleLive(ctx, input.liveId)
      const phase = phaseOf(live, ctx.now())
      if (phase === 'cancelled') throw new AppError('CONFLICT', '这场直播已取消')
      const kinds = [...new Set(input.accepted)]
      // a reminder that went out already (or a live that began) cannot reach her any more; the
      // consent still counts: the platform has recorded it, and the next live may use it
      const reminds = kinds.includes('reminder') && phase === 'upcoming' && live.reminderPending
      const credits = await recordGrant(ctx.db, {
        openid: ctx.openid,
        templateIds: kinds.map((k) => TEMPLATE_OF[k]),
        grantId: recordIdFor(ctx.openid, 'live.remind', input.requestId) ?? input.requestId,
        ...(reminds ? { reminderFor: live._id } : {}),
        now: ctx.now(),
      })
      const others = Object.values(TEMPLATE_OF).filter((t) => credits[t] === undefined)
      if (others.length) Object.assign(credits, await creditsOf(ctx.db, ctx.openid, others))
      return {
        reminded: reminds,
        credits: { reminder: credits[TEMPLATE_OF.reminder] ?? 0, announce: credits[TEMPLATE_OF.announce] ?? 0 },
      }
    },
  }),
}
