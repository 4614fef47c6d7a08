// Closing a contest: the winners are fixed once, stored on the contest, and each is told once.
import { pickWinners, toContestView, type ContestRecord, type ContestWinner } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { contestWinnerMessage, TEMPLATE_IDS } from '../../domain/notifications'
import { PAGES } from '../../domain/pages'
import { contentSchemas } from '../../domain/schemas/content'
import { closeIfOpen, findContest } from '../../server/collections/contests'
import { findDiary, topEntries } from '../../server/collections/diaries'
import { claimNotice, contestWinnerNoticeId, settleNotice } from '../../server/collections/notices'
import { action, type ActionContext } from '../../server/router'

const CONTEST_MISSING = '活动不存在或已被删除'
/** WeChat's "user refuse to accept the msg": she gave no consent, a normal outcome */
const NO_CONSENT = 43101

/** Sends one winner her notice unless a notice record for her place already exists. */
async function notifyWinner(ctx: ActionContext, contest: ContestRecord, winner: ContestWinner): Promise<void> {
  const id = contestWinnerNoticeId(contest._id, winner.rank)
  const claimed = await claimNotice(ctx.db, { _id: id, kind: 'contestWinner', contestId: contest._id, diaryId: winner.diaryId, rank: winner.rank, createdAt: ctx.now() })
  if (!claimed) return // told already, or being told by the closing that claimed it
  const diary = await findDiary(ctx.db, winner.diaryId)
  if (!diary) {
    await settleNotice(ctx.db, id, 'skipped', ctx.now()) // she deleted the entry (or her account) since
    return
  }
  try {
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: diary.openid,
      templateId: TEMPLATE_IDS.contestWinner,
      page: `${PAGES.diary}?contestId=${contest._id}`,
      data: contestWinnerMessage(contest.title, winner.rank, new Date(contest.closedAt ?? ctx.now()).toISOString()),
      miniprogramState: 'formal',
    })
    await settleNotice(ctx.db, id, 'sent', ctx.now())
  } catch (e) {
    // no consent, or the platform failed: recorded, never an error for the leader who closed
    const errCode = (e as { errCode?: unknown })?.errCode
    if (errCode !== NO_CONSENT) console.warn('contest winner notice not sent', errCode ?? e)
    await settleNotice(ctx.db, id, errCode === NO_CONSENT ? 'refused' : 'failed', ctx.now(), typeof errCode === 'number' ? errCode : undefined)
  }
}

export const contestCloseActions = {
  /**
   * Fixes the winners by one conditional update (closing twice, or two leaders at once, store one
   * result), then tells each winner once (a notice record per place is the guard). Every call runs
   * the notice step on the stored winners, so a closing that stopped halfway finishes on a retry.
   */
  closeContest: action({
    input: contentSchemas.closeContest,
    handler: async (input, ctx) => {
      let contest = await findContest(ctx.db, input.contestId)
      if (!contest) throw new AppError('NOT_FOUND', CONTEST_MISSING)
      if (!contest.closedAt) {
        const winners = pickWinners(await topEntries(ctx.db, contest._id))
        await closeIfOpen(ctx.db, contest._id, ctx.now(), winners)
        contest = await findContest(ctx.db, input.contestId) // ours, or the one that closed it first
        if (!contest?.closedAt) throw new AppError('NOT_FOUND', CONTEST_MISSING)
      }
      for (const winner of contest.winners ?? []) await notifyWinner(ctx, contest, winner)
      return { contest: toContestView(contest, ctx.now()) }
    },
  }),
}
