import { STAGES } from '../../../domain/stage'

/** Stage tags are short keys ("0-6月"); a mother reads the stage's label instead ("0–6 月"). */
export function plainTag(tag: string): string {
  return STAGES.find((s) => s.tag === tag)?.label ?? tag
}
