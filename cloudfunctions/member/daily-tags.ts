import type { MemberRecord } from '../../domain/member'
import { autoTags, mergeTags, sameTags } from '../../domain/tags'
import { everyMember, MEMBERS } from '../../server/collections/members'
import { rememberTagNames } from '../../server/collections/settings'
import { readInTransaction } from '../../server/collections/tx'
import { inTransaction } from '../../server/transaction'
import type { TimerContext } from '../../server/router'

function retagged(m: MemberRecord, now: Date): { autoTags: string[]; tags: string[] } | null {
  const auto = autoTags({ babyBirthDate: m.babyBirthDate, needs: m.needs, signals: m.signals }, now)
  const tags = mergeTags(auto, m.manualTags ?? [])
  if (sameTags(tags, m.tags ?? []) && sameTags(auto, m.autoTags ?? [])) return null
  return { autoTags: auto, tags }
}

/**
 * Daily timer: babies grow, so stage tags move. Recomputes every member's automatic tags and writes
 * only the records that changed (the daily write quota is finite). A changed record is re-read and
 * written in one transaction, so a leader editing her manual tags meanwhile is never overwritten.
 */
export async function refreshTags(ctx: TimerContext): Promise<{ scanned: number; changed: number }> {
  const now = ctx.now()
  const _ = ctx.db.command
  let scanned = 0
  let changed = 0
  const manual = new Set<string>()
  for await (const page of everyMember(ctx.db)) {
    for (const m of page) {
      scanned += 1
      for (const t of m.manualTags ?? []) manual.add(t)
      if (!retagged(m, now)) continue
      const wrote = await inTransaction(ctx.db, async (t) => {
        const current = await readInTransaction<MemberRecord>(t, MEMBERS, m._id)
        const next = current && retagged(current, now)
        if (!next) return false
        await t.collection(MEMBERS).doc(m._id).update({ data: { autoTags: _.set(next.autoTags), tags: _.set(next.tags) } })
        return true
      })
      if (wrote) changed += 1
    }
  }
  // repairs the tag-name registry (names given before it existed, or by a write that crashed before naming)
  await rememberTagNames(ctx.db, [...manual])
  console.log(`daily tags: scanned ${scanned}, changed ${changed}`)
  return { scanned, changed }
}
