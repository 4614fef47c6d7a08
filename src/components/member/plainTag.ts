import { tagLabel } from '../../../domain/member'

/** Stage tags are short keys ("0-6月"); a mother reads the stage's label instead ("0–6 月"). */
export const plainTag = tagLabel

/** "宝宝 7 个月", but plain "孕期" before birth (never "宝宝 孕期"). */
export function babyAge(age: string): string {
  return age === '孕期' ? age : `宝宝 ${age}`
}
