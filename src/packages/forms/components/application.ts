// The application form's data: what she typed (a draft) → the `member.apply` input, checked by the
// very schema the function uses, so the form and the server can never disagree on what is valid.
import { describeIssues } from '../../../../domain/schemas/format'
import { memberSchemas, type ApplyInput } from '../../../../domain/schemas/member'
import { OTHER_NEED, TEXT_MAX } from '../../../../domain/form-rules'
import type { MeView } from '../../../../domain/member'
import { PRIVACY_NOTICE_VERSION } from '../../../config'

/** "其它：" + her words must fit the schema's characters per need */
export const OTHER_TEXT_MAX = TEXT_MAX.need - `${OTHER_NEED}：`.length

export interface ApplicationDraft {
  nickname: string
  babyBirthDate: string
  needs: string[]
  otherNeed: string
  city: string
  /** H5: typed number */
  phone: string
  /** weapp: the phone-number button's one-time code */
  phoneCode: string
  consent: boolean
}

export const EMPTY_DRAFT: ApplicationDraft = {
  nickname: '',
  babyBirthDate: '',
  needs: [],
  otherNeed: '',
  city: '',
  phone: '',
  phoneCode: '',
  consent: false,
}

export type ApplicationField = 'nickname' | 'babyBirthDate' | 'needs' | 'city' | 'phone' | 'consent'
/** `form`: a problem no single field owns */
export type FieldErrors = Partial<Record<ApplicationField | 'form', string>>

export function toApplyInput(draft: ApplicationDraft): ApplyInput {
  const other = draft.otherNeed.trim()
  const needs = draft.needs.map((n) => (n === OTHER_NEED && other ? `${OTHER_NEED}：${other}` : n))
  const input: ApplyInput = {
    nickname: draft.nickname.trim(),
    babyBirthDate: draft.babyBirthDate,
    needs,
    privacyConsent: PRIVACY_NOTICE_VERSION,
  }
  // optional fields stay absent rather than empty: the schema rejects an empty phone
  if (draft.city.trim()) input.city = draft.city.trim()
  if (draft.phoneCode) input.phoneCode = draft.phoneCode
  else if (draft.phone.trim()) input.phone = draft.phone.trim()
  return input
}

const FIELDS: readonly ApplicationField[] = ['nickname', 'babyBirthDate', 'needs', 'city', 'phone']

/** The input ready to send, or what to fix, field by field, in the schema's own words. */
export function checkApplication(draft: ApplicationDraft): { input: ApplyInput; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const input = toApplyInput(draft)
  const errors: FieldErrors = {}
  const parsed = memberSchemas.apply.safeParse(input)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = FIELDS.find((f) => f === issue.path[0]) ?? (issue.path[0] === 'phoneCode' ? 'phone' : undefined)
      if (field && !errors[field]) errors[field] = describeIssues([issue])
    }
    if (Object.keys(errors).length === 0) errors.form = describeIssues(parsed.error.issues)
  }
  // an untouched date picker deserves a kinder word than a format rule
  if (!draft.babyBirthDate) errors.babyBirthDate = '宝宝生日/预产期：请选择宝宝的生日或预产期'
  if (!draft.consent) errors.consent = '请先阅读并勾选同意《个人信息收集说明》'
  return Object.keys(errors).length > 0 ? { errors } : { input }
}

/** Her earlier answers as a draft, so 修改申请信息 opens on what she sent ("其它：…" back into its box). */
export function draftFromApplication(app: NonNullable<MeView['application']>): Partial<ApplicationDraft> {
  const prefix = `${OTHER_NEED}：`
  const other = app.needs.find((n) => n.startsWith(prefix))
  return {
    nickname: app.nickname ?? '',
    babyBirthDate: app.babyBirthDate ?? '',
    needs: app.needs.map((n) => (n.startsWith(prefix) ? OTHER_NEED : n)),
    otherNeed: other ? other.slice(prefix.length) : '',
    city: app.city ?? '',
  }
}
