import type { MemberStatus, Role } from './roles'
import { maskPhone } from './masking'
import { chinaDay, monthAge } from './time'
import { describeAge, STAGES, stageOf } from './stage'
import { TAG_RULES } from './tags'

/** A document of the `members` collection (`_id` = openid). */
export interface MemberRecord {
  _id: string
  status: Exclude<MemberStatus, 'visitor'>
  roles: Role[]
  /** automatic tags ∪ manual tags, kept together so one indexed query filters by tag */
  tags: string[]
  autoTags?: string[]
  manualTags?: string[]
  nickname?: string
  babyBirthDate?: string
  needs?: string[]
  phone?: string
  city?: string
  privacyConsent?: string | null
  signals?: { boughtCategories?: string[]; reportedAllergy?: boolean }
  appliedAt?: Date
  reviewedAt?: Date
  reviewedBy?: string
  reviewNote?: string
  /** files `member.exportFiles` wrote for her, deleted with her account */
  exportFileIDs?: string[]
}

export interface MeView {
  openid: string
  status: MemberStatus
  roles: Role[]
  tags: string[]
  nickname?: string
  babyMonthAge?: number
  /** "7 个月" / "1 岁 2 个月" / "孕期" */
  age?: string
  stage?: string
  reviewNote?: string
  /** what she applied with, so a pending or rejected mother can correct it without retyping */
  application?: { nickname?: string; babyBirthDate?: string; needs: string[]; city?: string }
  /** a rejected applicant may apply again from this day (YYYY-MM-DD, China time) */
  reapplyFrom?: string
}

/** Days a rejected applicant waits before applying again. */
export const REAPPLY_COOLING_DAYS = 7

export function reapplyFrom(record: Pick<MemberRecord, 'reviewedAt'>): Date | undefined {
  if (!record.reviewedAt) return undefined
  return new Date(new Date(record.reviewedAt).getTime() + REAPPLY_COOLING_DAYS * 86400_000)
}

/** What `member.me` answers: a visitor has no record; age is computed, never stored. */
export function describeMe(openid: string, record: MemberRecord | null, now: Date | number): MeView {
  if (!record) return { openid, status: 'visitor', roles: [], tags: [] }
  const view: MeView = {
    openid,
    status: record.status,
    roles: record.roles ?? [],
    tags: record.tags ?? [],
    nickname: record.nickname,
  }
  if (record.babyBirthDate) {
    view.babyMonthAge = monthAge(record.babyBirthDate, now)
    view.age = describeAge(record.babyBirthDate, now)
    view.stage = stageOf(record.babyBirthDate, now).label
  }
  if (record.status !== 'member') {
    view.application = { nickname: record.nickname, babyBirthDate: record.babyBirthDate, needs: record.needs ?? [], city: record.city }
  }
  if (record.status === 'rejected') {
    if (record.reviewNote) view.reviewNote = record.reviewNote
    const from = reapplyFrom(record)
    if (from) view.reapplyFrom = chinaDay(from)
  }
  return view
}

/** A member as a leader sees her: phone masked, age computed. */
export interface MemberSummary {
  openid: string
  status: Exclude<MemberStatus, 'visitor'>
  nickname: string
  roles: Role[]
  tags: string[]
  manualTags: string[]
  needs: string[]
  city?: string
  phoneMasked: string
  babyMonthAge?: number
  age?: string
  stage?: string
  appliedAt?: string
  reviewNote?: string
}

export function summarizeMember(record: MemberRecord, now: Date | number): MemberSummary {
  const summary: MemberSummary = {
    openid: record._id,
    status: record.status,
    nickname: record.nickname ?? '',
    roles: record.roles ?? [],
    tags: record.tags ?? [],
    manualTags: record.manualTags ?? [],
    needs: record.needs ?? [],
    city: record.city,
    phoneMasked: maskPhone(record.phone),
    appliedAt: record.appliedAt ? new Date(record.appliedAt).toISOString() : undefined,
    reviewNote: record.reviewNote,
  }
  if (record.babyBirthDate) {
    summary.babyMonthAge = monthAge(record.babyBirthDate, now)
    summary.age = describeAge(record.babyBirthDate, now)
    summary.stage = stageOf(record.babyBirthDate, now).label
  }
  return summary
}

export interface Page<T> {
  items: T[]
  total: number
  page: number
  pageSize: number
}

/** The one label a tag is shown with: stage tags are short keys ("0-6月"), a mother reads the stage ("0–6 月"). */
export function tagLabel(tag: string): string {
  return STAGES.find((s) => s.tag === tag)?.label ?? tag
}

/** Every tag the rules can give, in rule order, each once. */
export const RULE_TAGS: readonly string[] = Array.from(new Set(TAG_RULES.map((r) => r.tag)))

/** A tag in use, as `member.tagsInUse` answers it: `rule` tags come from the rules, `manual` ones from leaders. */
export interface TagInUse {
  tag: string
  label: string
  count: number
  kind: 'rule' | 'manual'
}

/**
 * The answer of `member.tagsInUse`: every rule tag (a stage nobody is in yet can still be aimed at),
 * then manual tags someone still carries, most used first.
 */
export function tagsInUse(counts: ReadonlyMap<string, number>, manualNames: readonly string[]): TagInUse[] {
  const rules = RULE_TAGS.map((tag): TagInUse => ({ tag, label: tagLabel(tag), count: counts.get(tag) ?? 0, kind: 'rule' }))
  const manual = Array.from(new Set(manualNames))
    .filter((tag) => !RULE_TAGS.includes(tag) && (counts.get(tag) ?? 0) > 0)
    .map((tag): TagInUse => ({ tag, label: tagLabel(tag), count: counts.get(tag) ?? 0, kind: 'manual' }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag, 'zh'))
  return [...rules, ...manual]
}
