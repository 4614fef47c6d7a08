import { assertBabyDateInRange } from '../../domain/date-bounds'
import { AppError } from '../../domain/errors'
import { reapplyFrom, type MemberRecord } from '../../domain/member'
import type { ApplyParams } from '../../domain/schemas/member'
import { autoTags, mergeTags } from '../../domain/tags'
import { chinaDay } from '../../domain/time'
import { assertSafeText } from '../../server/content-check'
import { findMember, insertMember, updateIfStatus } from '../../server/collections/members'
import type { ActionContext } from '../../server/router'

/** weapp's phone-number button gives a one-time code; only the server may turn it into the number. */
async function phoneFromCode(ctx: ActionContext, code: string): Promise<string> {
  try {
    const res = (await ctx.cloud.openapi.phonenumber.getPhoneNumber({ code })) as { phoneInfo?: { purePhoneNumber?: string } }
    const phone = res.phoneInfo?.purePhoneNumber
    if (phone) return phone
  } catch (e) {
    console.error('getPhoneNumber failed', e)
  }
  throw new AppError('BAD_INPUT', '手机号授权已失效，请重新点击获取手机号')
}

function applicationFields(input: ApplyParams, phone: string | undefined, now: Date): Partial<MemberRecord> {
  const fields: Partial<MemberRecord> = {
    nickname: input.nickname,
    babyBirthDate: input.babyBirthDate,
    needs: input.needs,
    privacyConsent: input.privacyConsent ?? null,
    appliedAt: now,
  }
  // absent optional fields stay absent: the database has no "undefined"
  if (input.city) fields.city = input.city
  if (phone) fields.phone = phone
  return fields
}

/**
 * member.apply: a visitor applies; a pending applicant may correct her application (same record,
 * no duplicate); a rejected one may apply again once the cooling period is over.
 */
export async function apply(input: ApplyParams, ctx: ActionContext): Promise<{ status: 'pending' }> {
  const existing = ctx.member
  if (existing?.status === 'member') throw new AppError('CONFLICT', '你已经是社群会员啦，无需重复申请')
  const now = ctx.now()
  assertBabyDateInRange(input.babyBirthDate, now)
  if (existing?.status === 'rejected') {
    const from = reapplyFrom(existing)
    if (from && from.getTime() > now.getTime()) throw new AppError('CONFLICT', `申请未通过，${chinaDay(from)} 起可以重新申请`)
  }
  await assertSafeText(ctx.cloud, ctx.openid, [input.nickname, input.city, ...input.needs], 1)
  const phone = input.phoneCode ? await phoneFromCode(ctx, input.phoneCode) : input.phone
  const fields = applicationFields(input, phone, now)
  const auto = autoTags({ babyBirthDate: input.babyBirthDate, needs: input.needs }, now)

  if (!existing) {
    const record: MemberRecord = { _id: ctx.openid, status: 'pending', roles: [], tags: auto, autoTags: auto, manualTags: [], ...fields }
    if (await insertMember(ctx.db, record)) return { status: 'pending' }
    // a second tap raced the first: fall through and update the record it created
  }
  const current = existing ?? (await findMember(ctx.db, ctx.openid))
  const manual = current?.manualTags ?? []
  const _ = ctx.db.command
  const updated = await updateIfStatus(ctx.db, ctx.openid, ['pending', 'rejected'], {
    ...fields,
    needs: _.set(input.needs),
    status: 'pending',
    reviewNote: _.remove(),
    autoTags: _.set(auto),
    tags: _.set(mergeTags(auto, manual)),
  })
  if (!updated) throw new AppError('CONFLICT', '你的申请状态刚刚发生了变化，请刷新后再试')
  return { status: 'pending' }
}
