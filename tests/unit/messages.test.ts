import { AppError, DEFAULT_MESSAGES, isAppError } from '../../domain/errors'
import { failure, success } from '../../domain/envelope'
import { reviewResultMessage } from '../../domain/notifications'
import { isoDate } from '../../domain/schemas/common'
import { describeIssues } from '../../domain/schemas/format'

describe('the review-result notice', () => {
  test('a note of up to 20 characters is sent whole; a longer one is cut to 19 and an ellipsis', () => {
    const twenty = '一二三四五六七八九十一二三四五六七八九十'
    expect(reviewResultMessage('reject', twenty, '2026-11-28T02:00:00.000Z').thing3.value).toBe(twenty)
    expect(reviewResultMessage('reject', `${twenty}多`, '2026-11-28T02:00:00.000Z').thing3.value).toBe('一二三四五六七八九十一二三四五六七八九…')
  })

  test('without a note a rejection explains what to do; the day is China’s', () => {
    expect(reviewResultMessage('reject', undefined, '2026-11-28T17:00:00.000Z')).toEqual({
      thing1: { value: '亲亲宝贝入群申请' },
      phrase2: { value: '未通过' },
      thing3: { value: '可查看原因后重新申请' },
      date4: { value: '2026-11-29' },
    })
  })
})

describe('describeIssues', () => {
  test('names each field in Chinese, at most three issues', () => {
    const issues = [
      { path: ['nickname'], message: '请填写昵称' },
      { path: ['needs', 0], message: '需求不能为空' },
      { path: ['shoeSize'], message: '多余的字段' },
      { path: ['city'], message: '城市最多 20 个字' },
    ]
    expect(describeIssues(issues)).toBe('昵称：请填写昵称；需求：需求不能为空；shoeSize：多余的字段')
  })

  test('an issue about the whole input is its message alone', () => {
    expect(describeIssues([{ path: [], message: '请至少添加或移除一个标签' }])).toBe('请至少添加或移除一个标签')
    expect(describeIssues([{ path: [0], message: '格式不对' }])).toBe('格式不对')
  })
})

describe('errors and the envelope', () => {
  test('an AppError carries its code and, unless given one, the default Chinese message', () => {
    const e = new AppError('SOLD_OUT')
    expect(e).toMatchObject({ code: 'SOLD_OUT', message: DEFAULT_MESSAGES.SOLD_OUT, name: 'AppError' })
    expect(new AppError('CONFLICT', '自定义').message).toBe('自定义')
  })

  test('an AppError is recognised even when it crossed a module copy (by name)', () => {
    expect(isAppError(new AppError('FORBIDDEN'))).toBe(true)
    expect(isAppError({ name: 'AppError', code: 'FORBIDDEN', message: 'x' })).toBe(true)
    expect(isAppError(new Error('AppError'))).toBe(false)
    expect(isAppError(null)).toBe(false)
    expect(isAppError('AppError')).toBe(false)
  })

  test('success and failure shapes', () => {
    expect(success({ a: 1 })).toEqual({ ok: true, data: { a: 1 } })
    expect(failure('NOT_FOUND', '没有')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有' } })
  })
})

describe('isoDate', () => {
  test('a real calendar day in YYYY-MM-DD', () => {
    expect(isoDate.safeParse('2026-02-28').success).toBe(true)
    expect(isoDate.safeParse('2024-02-29').success).toBe(true)
    // surrounding spaces are trimmed like every text field, the day itself is kept
    expect(isoDate.parse(' 2026-01-01 ')).toBe('2026-01-01')
    for (const bad of ['2026-02-30', '2026-13-01', '2026-1-01', '20260101', '2026-01-01T00:00:00Z']) {
      expect(isoDate.safeParse(bad).success).toBe(false)
    }
  })
})
