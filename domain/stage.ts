import { monthAge } from './time'

/** The baby's stage, the axis the community's content and products are organised on. */
export const STAGES = [
  { tag: '孕期', label: '孕期', minMonths: -Infinity, maxMonths: 0 },
  { tag: '0-6月', label: '0–6 月', minMonths: 0, maxMonths: 6 },
  { tag: '6-12月', label: '6–12 月 辅食添加期', minMonths: 6, maxMonths: 12 },
  { tag: '1-3岁', label: '1–3 岁', minMonths: 12, maxMonths: 36 },
  { tag: '3岁+', label: '3 岁以上', minMonths: 36, maxMonths: Infinity },
] as const

export type Stage = (typeof STAGES)[number]
export type StageTag = Stage['tag']

/** Stage for a month age; a due date in the future (negative age) means 孕期. */
export function stageForMonthAge(months: number): Stage {
  const found = STAGES.find((s) => months >= s.minMonths && months < s.maxMonths)
  return found ?? STAGES[STAGES.length - 1]
}

export function stageOf(babyBirthDate: string, now: Date | number): Stage {
  const today = new Date(now)
  // a due date still ahead: expecting, whatever the month difference says
  if (new Date(`${babyBirthDate}T00:00:00+08:00`).getTime() > today.getTime()) return STAGES[0]
  return stageForMonthAge(monthAge(babyBirthDate, now))
}

/** "5 个月" / "1 岁 2 个月" / "孕期" for the me page and the review queue. */
export function describeAge(babyBirthDate: string, now: Date | number): string {
  if (stageOf(babyBirthDate, now).tag === '孕期') return '孕期'
  const months = monthAge(babyBirthDate, now)
  if (months < 12) return `${months} 个月`
  const years = Math.floor(months / 12)
  const rest = months % 12
  return rest === 0 ? `${years} 岁` : `${years} 岁 ${rest} 个月`
}
