import { TAG_RULES } from '../../domain/tags'
import { listMembers } from '../services/member'
import { useCloudQuery } from './useCloud'

/** every tag the rules can give, stage tags first, each once */
export const RULE_TAGS: readonly string[] = Array.from(new Set(TAG_RULES.map((r) => r.tag)))

/** Reads this many members to find leaders' own tags; the schema's largest page. */
const SAMPLE = 50

/**
 * The tags a leader can filter by or aim a post at: the rules' tags, then the ones leaders typed
 * (e.g. 体验官候选) as found on the most recent members. Until the functions answer the full list
 * of tags in use, a tag carried only by older members may be missing here.
 */
export function useTagsInUse(): readonly string[] {
  const sample = useCloudQuery(() => listMembers({}, 1, SAMPLE))
  const seen = new Set(RULE_TAGS)
  const extra: string[] = []
  for (const m of sample.data?.items ?? []) {
    for (const t of [...m.tags, ...m.manualTags]) {
      if (!seen.has(t)) {
        seen.add(t)
        extra.push(t)
      }
    }
  }
  return [...RULE_TAGS, ...extra]
}
