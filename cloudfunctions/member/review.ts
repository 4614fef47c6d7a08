import { AppError } from '../../domain/errors'
import { summarizeMember, type MemberSummary, type Page } from '../../domain/member'
import { reviewResultMessage, TEMPLATE_IDS } from '../../domain/notifications'
import { PAGES } from '../../domain/pages'
import type { MemberStatus } from '../../domain/roles'
import type { PendingParams, ReviewParams } from '../../domain/schemas/member'
import { editManualTags, mergeTags } from '../../domain/tags'
import { assertSafeText, SCENE } from '../../server/content-check'
import { findMember, pageMembers, updateIfStatus } from '../../server/collections/members'
import { rememberTagNames } from '../../server/collections/settings'
import { toPage } from '../../server/collections/paging'
import type { ActionContext } from '../../server/router'

/** The review queue: pending applicants, oldest first, phones masked. */
export async function pending(input: PendingParams, ctx: ActionContext): Promise<Page<MemberSummary>> {
  const now = ctx.now()
  const result = await pageMembers(ctx.db, { status: 'pending' }, ['appliedAt', 'asc'], input)
  return toPage(result, input, (r) => summarizeMember(r, now))
}

/** A notice is a courtesy: no consent or a platform error must not undo the decision. */
async function notify(ctx: ActionContext, openid: string, decision: 'approve' | 'reject', note: string | undefined) {
  try {
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: openid,
      templateId: TEMPLATE_IDS.reviewResult,
      page: PAGES.home,
      data: reviewResultMessage(decision, note, ctx.now().toISOString()),
      miniprogramState: 'formal',
    })
    return true
  } catch (e) {
    console.warn('review notice not sent', (e as { errCode?: number })?.errCode ?? e)
    return false
  }
}

/**
 * member.review: approve (with tags) or reject (with a note she sees). Deciding is one conditional
 * update on `status: 'pending'`, so when two leaders decide at once exactly one wins.
 */
export async function review(input: ReviewParams, ctx: ActionContext): Promise<{ status: MemberStatus }> {
  // she reads the note, other leaders read the tags: both pass the check like any user text
  await assertSafeText(ctx.cloud, ctx.openid, [input.note, ...(input.tags ?? [])], SCENE.profile)
  const applicant = await findMember(ctx.db, input.openid)
  if (!applicant) throw new AppError('NOT_FOUND', '没有找到这位妈妈的申请')
  if (applicant.status !== 'pending') throw new AppError('CONFLICT', '这份申请已经处理过了')
  const approve = input.decision === 'approve'
  const _ = ctx.db.command
  const auto = applicant.autoTags ?? []
  // tags the rules already give her stay automatic, so they keep moving with her baby's stage
  const extra = (input.tags ?? []).filter((t) => !auto.includes(t))
  const manual = approve ? editManualTags(applicant.manualTags ?? [], extra, []) : applicant.manualTags ?? []
  // named before it is given: a name left over from a lost race counts 0 and is not shown
  if (approve) await rememberTagNames(ctx.db, extra)
  const data: Record<string, unknown> = {
    status: approve ? 'member' : 'rejected',
    reviewedAt: ctx.now(),
    reviewedBy: ctx.openid,
    reviewNote: input.note ? input.note : _.remove(),
    manualTags: _.set(manual),
    tags: _.set(mergeTags(auto, manual)),
  }
  const won = await updateIfStatus(ctx.db, input.openid, ['pending'], data)
  if (!won) throw new AppError('CONFLICT', '这份申请刚刚已被其他团长处理')
  await notify(ctx, input.openid, input.decision, input.note)
  return { status: approve ? 'member' : 'rejected' }
}
