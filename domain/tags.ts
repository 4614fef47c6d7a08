// Automatic member tags. The rule set is data: each rule names its tag, what kind of signal it reads
// and one declarative condition; `autoTags` evaluates them all. Manual tags from leaders live beside
// them (see mergeTags) and are never overwritten by the rules.
import { stageOf, type StageTag } from './stage'

export type TagKind = 'stage' | 'need' | 'purchase' | 'interaction'

export type Condition =
  | { stage: StageTag }
  | { needsAny: readonly string[] }
  | { boughtCategory: string }
  | { reported: 'allergy' }

export interface TagRule {
  tag: string
  kind: TagKind
  when: Condition
  /** why the tag exists, shown to leaders next to it */
  because: string
}

/** What the rules read about a member; `signals` grow as orders and follow-ups record them. */
export interface TagFacts {
  babyBirthDate?: string
  needs?: readonly string[]
  signals?: { boughtCategories?: readonly string[]; reportedAllergy?: boolean }
}

export const TAG_RULES: readonly TagRule[] = [
  { tag: '孕期', kind: 'stage', when: { stage: '孕期' }, because: '预产期在未来' },
  { tag: '0-6月', kind: 'stage', when: { stage: '0-6月' }, because: '宝宝 0–6 个月' },
  { tag: '6-12月', kind: 'stage', when: { stage: '6-12月' }, because: '宝宝 6–12 个月' },
  { tag: '辅食添加期', kind: 'stage', when: { stage: '6-12月' }, because: '6–12 个月开始添加辅食' },
  { tag: '1-3岁', kind: 'stage', when: { stage: '1-3岁' }, because: '宝宝 1–3 岁' },
  { tag: '过敏体质宝宝', kind: 'need', when: { needsAny: ['过敏体质'] }, because: '申请时勾选过敏体质' },
  { tag: '敏感肌宝宝妈妈', kind: 'need', when: { needsAny: ['敏感肌'] }, because: '申请时勾选敏感肌' },
  { tag: '辅食添加期', kind: 'need', when: { needsAny: ['辅食添加'] }, because: '申请时关注辅食添加' },
  { tag: '早产宝宝', kind: 'need', when: { needsAny: ['早产'] }, because: '申请时勾选早产' },
  { tag: '辅食添加期', kind: 'purchase', when: { boughtCategory: '辅食' }, because: '购买过辅食类商品' },
  { tag: '敏感肌宝宝妈妈', kind: 'interaction', when: { reported: 'allergy' }, because: '回访或评价中反馈过敏' },
]

function holds(when: Condition, facts: TagFacts, now: Date | number): boolean {
  if ('stage' in when) return Boolean(facts.babyBirthDate) && stageOf(facts.babyBirthDate as string, now).tag === when.stage
  if ('needsAny' in when) return (facts.needs ?? []).some((n) => when.needsAny.includes(n))
  if ('boughtCategory' in when) return (facts.signals?.boughtCategories ?? []).includes(when.boughtCategory)
  return when.reported === 'allergy' && facts.signals?.reportedAllergy === true
}

/** Every tag the rules give these facts today, each once, in rule order. */
export function autoTags(facts: TagFacts, now: Date | number, rules: readonly TagRule[] = TAG_RULES): string[] {
  const out: string[] = []
  for (const rule of rules) if (!out.includes(rule.tag) && holds(rule.when, facts, now)) out.push(rule.tag)
  return out
}

/** The tags a member carries: automatic ones first, then manual ones, no repeats. */
export function mergeTags(auto: readonly string[], manual: readonly string[]): string[] {
  return Array.from(new Set([...auto, ...manual]))
}

/** Applies a leader's add/remove to the manual tags (removing a tag nobody set is a no-op). */
export function editManualTags(manual: readonly string[], add: readonly string[], remove: readonly string[]): string[] {
  const removed = new Set(remove)
  return Array.from(new Set([...manual.filter((t) => !removed.has(t)), ...add.filter((t) => !removed.has(t))]))
}

export function sameTags(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((t, i) => t === b[i])
}
