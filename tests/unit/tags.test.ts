import { autoTags, editManualTags, mergeTags, sameTags, TAG_RULES, type TagRule } from '../../domain/tags'
import { reviewResultMessage } from '../../domain/notifications'

const now = new Date('2026-11-28T10:00:00+08:00')

describe('automatic tag rules', () => {
  test.each([
    ['2026-12-20', ['孕期']],
    ['2026-08-01', ['0-6月']],
    ['2026-04-01', ['6-12月', '辅食添加期']],
    ['2025-06-01', ['1-3岁']],
    ['2022-01-01', []],
  ])('stage from birth date %s', (babyBirthDate, expected) => {
    expect(autoTags({ babyBirthDate }, now)).toEqual(expected)
  })

  test('stage tags move as the baby grows', () => {
    const facts = { babyBirthDate: '2026-05-29' }
    expect(autoTags(facts, new Date('2026-11-28T23:00:00+08:00'))).toEqual(['0-6月'])
    expect(autoTags(facts, new Date('2026-11-29T00:30:00+08:00'))).toEqual(['6-12月', '辅食添加期'])
  })

  test('needs from the application become tags', () => {
    expect(autoTags({ needs: ['过敏体质', '早产'] }, now)).toEqual(['过敏体质宝宝', '早产宝宝'])
    expect(autoTags({ needs: ['敏感肌'] }, now)).toEqual(['敏感肌宝宝妈妈'])
    expect(autoTags({ needs: ['其它：睡眠'] }, now)).toEqual([])
  })

  test('buying a 辅食 product tags 辅食添加期; a reported allergy tags 敏感肌宝宝妈妈', () => {
    expect(autoTags({ signals: { boughtCategories: ['辅食'] } }, now)).toEqual(['辅食添加期'])
    expect(autoTags({ signals: { boughtCategories: ['奶粉'] } }, now)).toEqual([])
    expect(autoTags({ signals: { reportedAllergy: true } }, now)).toEqual(['敏感肌宝宝妈妈'])
  })

  test('a tag given by several rules appears once', () => {
    const tags = autoTags({ babyBirthDate: '2026-04-01', needs: ['辅食添加'], signals: { boughtCategories: ['辅食'] } }, now)
    expect(tags.filter((t) => t === '辅食添加期')).toHaveLength(1)
  })

  test('the rule set is data: a new rule needs no new code', () => {
    const rules: TagRule[] = [...TAG_RULES, { tag: '奶粉用户', kind: 'purchase', when: { boughtCategory: '奶粉' }, because: '买过奶粉' }]
    expect(autoTags({ signals: { boughtCategories: ['奶粉'] } }, now, rules)).toEqual(['奶粉用户'])
  })

  test('every rule explains itself to leaders', () => {
    for (const rule of TAG_RULES) expect(rule.because.length).toBeGreaterThan(0)
  })
})

describe('manual tags', () => {
  test('merge keeps automatic tags first and drops repeats', () => {
    expect(mergeTags(['0-6月', 'A'], ['A', 'KOC候选'])).toEqual(['0-6月', 'A', 'KOC候选'])
  })

  test('edit adds and removes; removing wins over adding the same tag', () => {
    expect(editManualTags(['a', 'b'], ['c', 'a'], ['b'])).toEqual(['a', 'c'])
    expect(editManualTags(['a'], ['x'], ['x'])).toEqual(['a'])
    expect(editManualTags([], [], ['missing'])).toEqual([])
  })

  test('sameTags compares in order', () => {
    expect(sameTags(['a', 'b'], ['a', 'b'])).toBe(true)
    expect(sameTags(['a', 'b'], ['b', 'a'])).toBe(false)
    expect(sameTags(['a'], ['a', 'b'])).toBe(false)
  })
})

describe('review-result notice', () => {
  test('fits WeChat field limits', () => {
    const msg = reviewResultMessage('reject', '请补充宝宝的出生日期，并说明宝宝目前的过敏情况和喂养方式', '2026-11-28T02:00:00.000Z')
    expect(msg.phrase2.value).toBe('未通过')
    expect(Array.from(msg.thing3.value)).toHaveLength(20)
    expect(msg.thing3.value.endsWith('…')).toBe(true)
    expect(msg.date4.value).toBe('2026-11-28')
    // a decision late in the UTC evening is already the next day in China
    expect(reviewResultMessage('approve', undefined, '2026-11-28T17:30:00.000Z').date4.value).toBe('2026-11-29')
  })

  test('an approval without a note gets a welcome', () => {
    expect(reviewResultMessage('approve', undefined, '2026-11-28T02:00:00.000Z').thing3.value).toContain('欢迎加入')
  })
})
