import { autoTags, mergeTags, sameTags } from '../../domain/tags'
import { everyMember, setMemberFields } from '../../server/collections/members'
import type { TimerContext } from '../../server/router'

/**
 * Daily timer: babies grow, so stage tags move. Recomputes every member's automatic tags and writes
 * only the records that changed (the daily write quota is finite).
 */
export async function refreshTags(ctx: TimerContext): Promise<{ scanned: number; changed: number }> {
  const now = ctx.now()
  let scanned = 0
  let changed = 0
  for await (const page of everyMember(ctx.db)) {
    for (const m of page) {
      scanned += 1
      const auto = autoTags({ babyBirthDate: m.babyBirthDate, needs: m.needs, signals: m.signals }, now)
      const tags = mergeTags(auto, m.manualTags ?? [])
      if (sameTags(tags, m.tags ?? []) && sameTags(auto, m.autoTags ?? [])) continue
      await setMemberFields(ctx.db, m._id, { autoTags: auto, tags })
      changed += 1
    }
  }
  console.log(`daily tags: scanned ${scanned}, changed ${changed}`)
  return { scanned, changed }
}
