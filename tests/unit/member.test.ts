import { describeMe, type MemberRecord } from '../../domain/member'
import { memberSchemas } from '../../domain/schemas/member'
import { describeIssues } from '../../domain/schemas/format'

const now = new Date('2026-11-28T10:00:00+08:00')

describe('describeMe', () => {
  test('a visitor has no record', () => {
    expect(describeMe('o1', null, now)).toEqual({ openid: 'o1', status: 'visitor', roles: [], tags: [] })
  })

  test('a member gets her baby month age and stage computed, not stored', () => {
    const rec: MemberRecord = { _id: 'o1', status: 'member', roles: [], tags: ['辅食添加期'], nickname: '小雨妈妈', babyBirthDate: '2026-04-10' }
    expect(describeMe('o1', rec, now)).toMatchObject({ status: 'member', babyMonthAge: 7, stage: '6–12 月 辅食添加期', nickname: '小雨妈妈' })
  })

  test('only a rejected applicant sees the review note', () => {
    const rec: MemberRecord = { _id: 'o1', status: 'rejected', roles: [], tags: [], reviewNote: '请补充宝宝月龄' }
    expect(describeMe('o1', rec, now).reviewNote).toBe('请补充宝宝月龄')
    expect(describeMe('o1', { ...rec, status: 'member' }, now).reviewNote).toBeUndefined()
  })
})

describe('member schemas', () => {
  test('member.me takes no input', () => {
    expect(memberSchemas.me.safeParse({}).success).toBe(true)
    expect(memberSchemas.me.safeParse({ openid: 'someone-else' }).success).toBe(false)
  })

  test('apply explains every wrong field in Chinese', () => {
    const r = memberSchemas.apply.safeParse({ babyBirthDate: '2026-02-30', needs: [], nickname: '', phone: '1234' })
    expect(r.success).toBe(false)
    const msg = describeIssues(r.success ? [] : r.error.issues)
    expect(msg).toContain('宝宝生日/预产期：不是有效的日期')
    expect(msg).toContain('昵称：请填写昵称')
    expect(msg).toContain('手机号：请填写 11 位手机号')
  })

  test('a valid application passes and is trimmed', () => {
    const r = memberSchemas.apply.parse({ babyBirthDate: '2026-03-01', needs: ['过敏体质'], nickname: ' 小雨妈妈 ', phone: '13812341234', city: '杭州' })
    expect(r.nickname).toBe('小雨妈妈')
  })
})
