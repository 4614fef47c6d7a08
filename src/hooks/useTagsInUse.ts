import { RULE_TAGS, tagLabel, type TagInUse } from '../../domain/member'
import { fetchTagsInUse } from '../services/member'
import { useCloudQuery } from './useCloud'

export { RULE_TAGS }

/** Until the answer arrives (or when it fails) the rules' tags still let a leader filter, without counts. */
const FALLBACK: readonly TagInUse[] = RULE_TAGS.map((tag) => ({ tag, label: tagLabel(tag), count: 0, kind: 'rule' }))

/**
 * The tags a leader can filter by or aim a post at, with how many records carry each: the rules'
 * tags, then the ones leaders typed (e.g. 体验官候选), from `member.tagsInUse`.
 */
export function useTagCounts(): { items: readonly TagInUse[]; loaded: boolean; reload: () => void } {
  const query = useCloudQuery(fetchTagsInUse)
  return query.data ? { items: query.data.items, loaded: true, reload: query.reload } : { items: FALLBACK, loaded: false, reload: query.reload }
}

/** Just the tag names (the post form's target picker). */
export function useTagsInUse(): readonly string[] {
  return useTagCounts().items.map((t) => t.tag)
}
