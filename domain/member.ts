import type { MemberStatus, Role } from './roles'
import { monthAge } from './time'
import { stageOf } from './stage'

/** A document of the `members` collection (`_id` = openid). */
export interface MemberRecord {
  _id: string
  status: Exclude<MemberStatus, 'visitor'>
  roles: Role[]
  tags: string[]
  nickname?: string
  babyBirthDate?: string
  needs?: string[]
  phone?: string
  city?: string
  appliedAt?: Date
  reviewedAt?: Date
  reviewedBy?: string
  reviewNote?: string
}

export interface MeView {
  openid: string
  status: MemberStatus
  roles: Role[]
  tags: string[]
  nickname?: string
  babyMonthAge?: number
  stage?: string
  reviewNote?: string
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
    view.stage = stageOf(record.babyBirthDate, now).label
  }
  if (record.status === 'rejected' && record.reviewNote) view.reviewNote = record.reviewNote
  return view
}
