import { toDiaryView, toQuestionView, type DiaryRecord, type QuestionRecord } from '../../domain/content'
import { maskPhone } from '../../domain/masking'
import { describeMe, reapplyFrom, summarizeMember, type MemberRecord } from '../../domain/member'
import { describeIssues } from '../../domain/schemas/format'
import { stageForMonthAge, stageOf } from '../../domain/stage'
import { sameTags } from '../../domain/tags'
import { assertSafeText, CHECK_UNAVAILABLE } from '../../server/content-check'

const now = new Date('2026-11-28T10:00:00+08:00')
const record = (over: Partial<MemberRecord>): MemberRecord => ({ _id: 'o1', status: 'pending', roles: [], tags: [], ...over })

describe('describeMe', () => {
  test('a rejected applicant learns the China-time day she may apply again, seven days after the decision', () => {
    const rec = record({ status: 'rejected', reviewedAt: new Date('2026-11-28T17:30:00Z'), reviewNote: '资料不全' })
    expect(reapplyFrom(rec)?.toISOString()).toBe('2026-12-05T17:30:00.000Z')
    expect(describeMe('o1', rec, now)).toMatchObject({ status: 'rejected', reapplyFrom: '2026-12-06', reviewNote: '资料不全' })
  })

  test('a rejection without a decision time or a note adds neither', () => {
    const view = describeMe('o1', record({ status: 'rejected' }), now)
    expect(reapplyFrom({})).toBeUndefined()
    expect(view).not.toHaveProperty('reapplyFrom')
    expect(view).not.toHaveProperty('reviewNote')
  })

  test('a pending applicant sees what she applied with; a member does not', () => {
    const rec = record({ nickname: '小雨妈妈', babyBirthDate: '2026-03-01', city: '杭州', roles: undefined as never, tags: undefined as never })
    const view = describeMe('o1', rec, now)
    expect(view).toMatchObject({ roles: [], tags: [], application: { nickname: '小雨妈妈', babyBirthDate: '2026-03-01', needs: [], city: '杭州' } })
    expect(describeMe('o1', record({ status: 'member', needs: ['早产'] }), now)).not.toHaveProperty('application')
    expect(describeMe('o1', record({ needs: ['早产'] }), now).application?.needs).toEqual(['早产'])
  })

  test('without a birth date there is no age to show', () => {
    const view = describeMe('o1', record({ status: 'member' }), now)
    expect(view).not.toHaveProperty('babyMonthAge')
    expect(view).not.toHaveProperty('age')
    expect(view).not.toHaveProperty('stage')
  })
})

describe('views of content', () => {
  const question: QuestionRecord = { _id: 'q1', question: '问题', askedBy: 'o1', askedAt: now, answered: false }

  test('an open question has no answer fields; an answered one without a time has no time', () => {
    const open = toQuestionView({ ...question, answer: '草稿' }, 'o1')
    expect(open).toEqual({ id: 'q1', question: '问题', askedAt: now.toISOString(), answered: false, mine: true })
    const answered = toQuestionView({ ...question, answered: true, answer: '答', answeredByName: '专家' }, 'o2')
    expect(answered).toEqual({ id: 'q1', question: '问题', askedAt: now.toISOString(), answered: true, answer: '答', answeredByName: '专家', mine: false })
  })

  test('a diary outside any contest has no contest; it is mine only when I wrote it', () => {
    const diary: DiaryRecord = { _id: 'd1', openid: 'o1', authorName: '妈妈', text: '字', photoFileID: 'cloud://x', likeCount: 3, rankedLikes: 2, createdAt: now }
    expect(toDiaryView(diary, 'o2', false)).toEqual({ id: 'd1', authorName: '妈妈', text: '字', photoFileID: 'cloud://x', likeCount: 3, likedByMe: false, mine: false, createdAt: now.toISOString() })
    expect(toDiaryView({ ...diary, contestId: 'c1' }, 'o1', true)).toMatchObject({ contestId: 'c1', mine: true, likedByMe: true })
  })
})

describe('small rules', () => {
  test('a phone typed with spaces is masked by its digits; seven digits are enough to mask', () => {
    expect(maskPhone('138 1234 1234')).toBe('138****1234')
    expect(maskPhone('1234567')).toBe('123****4567')
    expect(maskPhone('123456')).toBe('******')
  })

  test('stage by month age, bounds included on the lower side', () => {
    expect([-2, 0, 5, 6, 11, 12, 35, 36, 500].map((m) => stageForMonthAge(m).tag)).toEqual(['孕期', '0-6月', '0-6月', '6-12月', '6-12月', '1-3岁', '1-3岁', '3岁+', '3岁+'])
  })

  test('a baby born this very morning is no longer expected', () => {
    expect(stageOf('2026-11-28', Date.parse('2026-11-28T00:00:00+08:00')).tag).toBe('0-6月')
    expect(stageOf('2026-11-28', Date.parse('2026-11-27T23:59:59+08:00')).tag).toBe('孕期')
  })

  test('sameTags needs every tag equal, in order', () => {
    expect(sameTags(['a', 'b'], ['a', 'c'])).toBe(false)
    expect(sameTags(['a', 'b'], ['a', 'b'])).toBe(true)
  })

  test('a field is named from the first string in the issue’s path', () => {
    expect(describeIssues([{ path: [0, 'nickname'], message: '请填写昵称' }])).toBe('昵称：请填写昵称')
  })

  test('a content check that answers nothing fails closed, not with a crash', async () => {
    const cloud = { openapi: { security: { msgSecCheck: async () => undefined } } }
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      await expect(assertSafeText(cloud, 'o1', ['文字'], 2)).rejects.toMatchObject({ code: 'CONTENT_REJECTED', message: CHECK_UNAVAILABLE })
    } finally {
      error.mockRestore()
    }
  })
})

describe('a member as a leader sees her', () => {
  test('a sparse record (an operator’s seed) reads as empty fields, not as missing ones', () => {
    const sparse = { _id: 'o9', status: 'member' } as MemberRecord
    expect(summarizeMember(sparse, now)).toEqual({
      openid: 'o9', status: 'member', nickname: '', roles: [], tags: [], manualTags: [], needs: [], city: undefined, phoneMasked: '', appliedAt: undefined, reviewNote: undefined,
    })
  })

  test('her fields as stored, phone masked even when typed with a leading space', () => {
    const full = record({ status: 'member', nickname: '小雨妈妈', roles: ['cs'], tags: ['t'], manualTags: ['m'], needs: ['早产'], phone: ' 13812341234' })
    expect(summarizeMember(full, now)).toMatchObject({ nickname: '小雨妈妈', roles: ['cs'], tags: ['t'], manualTags: ['m'], needs: ['早产'], phoneMasked: '138****1234' })
  })
})
