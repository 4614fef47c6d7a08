import { RULE_TAGS, tagsInUse as describeTagsInUse, type TagInUse } from '../../domain/member'
import { countByTags } from '../../server/collections/members'
import { readTagNames } from '../../server/collections/settings'
import type { ActionContext } from '../../server/router'

/**
 * member.tagsInUse: every tag a leader can filter by or aim a post at, with how many records carry
 * it. The names come from the rules and the leaders' name registry (settings/tagNames); each is
 * counted on the tags index, so no member document is read.
 */
export async function tagsInUse(_input: unknown, ctx: ActionContext): Promise<{ items: TagInUse[] }> {
  const manual = await readTagNames(ctx.db)
  const names = Array.from(new Set([...RULE_TAGS, ...manual]))
  const counts = await countByTags(ctx.db, names)
  return { items: describeTagsInUse(counts, manual) }
}
