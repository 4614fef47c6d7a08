import { main } from '../../cloudfunctions/member/index'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-h-leader'

const application = (over: Record<string, unknown> = {}) => ({
  action: 'apply',
  babyBirthDate: '2026-03-01',
  needs: ['过敏体质', '辅食添加'],
  nickname: '小雨妈妈',
  phone: '13812341234',
  city: '杭州',
  privacyConsent: 'v1',
  ...over,
})

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'] })
})
afterAll(async () => {
  await h.close()
})

describe('member.apply stores the application', () => {
  test('every field, the time and the tags from her stage and needs', async () => {
    expect(await h.ok(main, application(), 'o-a-fields')).toEqual({ status: 'pending' })
    const rec = await h.member('o-a-fields')
    expect(rec).toMatchObject({
      _id: 'o-a-fields',
      status: 'pending',
      roles: [],
      nickname: '小雨妈妈',
      babyBirthDate: '2026-03-01',
      needs: ['过敏体质', '辅食添加'],
      phone: '13812341234',
      city: '杭州',
      privacyConsent: 'v1',
      manualTags: [],
    })
    expect(new Date(rec!.appliedAt as Date).toISOString()).toBe('2026-11-28T02:00:00.000Z')
    expect(rec!.autoTags).toEqual(['6-12月', '辅食添加期', '过敏体质宝宝'])
    expect(rec!.tags).toEqual(['6-12月', '辅食添加期', '过敏体质宝宝'])
  })

  test('absent optional fields stay absent; no consent is stored as null', async () => {
    const { phone: _p, city: _c, privacyConsent: _v, ...bare } = application()
    await h.ok(main, bare, 'o-a-bare')
    const rec = (await h.member('o-a-bare')) as unknown as Record<string, unknown>
    expect(rec).not.toHaveProperty('phone')
    expect(rec).not.toHaveProperty('city')
    expect(rec.privacyConsent).toBeNull()
  })

  test('the weapp phone code is exchanged for the number; a bad code is refused and nothing is stored', async () => {
    const { phone: _typed, ...withoutPhone } = application()
    await h.ok(main, { ...withoutPhone, phoneCode: 'dev-phone-13700001234' }, 'o-a-code')
    expect((await h.member('o-a-code'))?.phone).toBe('13700001234')
    const bad = await h.call(main, { ...withoutPhone, phoneCode: 'expired' }, 'o-a-code-bad')
    expect(bad).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '手机号授权已失效，请重新点击获取手机号' } })
    expect(await h.member('o-a-code-bad')).toBeNull()
  })

  test('a malformed application names the field and writes nothing', async () => {
    const env = await h.call(main, application({ nickname: '   ' }), 'o-a-malformed')
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('昵称') } })
    expect(await h.member('o-a-malformed')).toBeNull()
  })
})

describe('member.apply checks the content of every field she types', () => {
  test.each([
    ['nickname', { nickname: '违禁词妈妈' }],
    ['city', { city: '赌博城' }],
    ['the first need', { needs: ['代开发票', '早产'] }],
    ['the last need', { needs: ['早产', '加微信返现'] }],
  ])('%s', async (_field, over) => {
    const openid = `o-a-check-${_field.replace(/\s/g, '-')}`
    const env = await h.call(main, application(over), openid)
    expect(env).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await h.member(openid)).toBeNull()
  })

  test('a correction by a pending applicant is checked too, and the old application stays', async () => {
    await h.ok(main, application(), 'o-a-check-update')
    const env = await h.call(main, application({ city: '赌博城' }), 'o-a-check-update')
    expect(env).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect((await h.member('o-a-check-update'))?.city).toBe('杭州')
  })
})

describe('member.apply again', () => {
  test('a pending applicant corrects her application: needs replaced, manual tags kept', async () => {
    await h.ok(main, application(), 'o-a-correct')
    await h.db.collection('members').doc('o-a-correct').update({ data: { manualTags: ['种子用户'], tags: ['6-12月', '辅食添加期', '过敏体质宝宝', '种子用户'] } })
    await h.ok(main, application({ needs: ['早产'], nickname: '小雨妈' }), 'o-a-correct')
    const rec = await h.member('o-a-correct')
    expect(rec).toMatchObject({ status: 'pending', nickname: '小雨妈', needs: ['早产'], manualTags: ['种子用户'] })
    expect(rec?.autoTags).toEqual(['6-12月', '辅食添加期', '早产宝宝'])
    expect(rec?.tags).toEqual(['6-12月', '辅食添加期', '早产宝宝', '种子用户'])
    expect(await h.count('members', { _id: 'o-a-correct' })).toBe(1)
  })

  test('a member cannot apply again', async () => {
    await h.seedMember({ openid: 'o-a-member' })
    expect(await h.call(main, application(), 'o-a-member')).toEqual({ ok: false, error: { code: 'CONFLICT', message: '你已经是社群会员啦，无需重复申请' } })
    expect((await h.member('o-a-member'))?.status).toBe('member')
  })
})

describe('the cooling period after a rejection is exactly seven days', () => {
  const REJECTED = 'o-a-cooling'
  const decidedAt = Date.parse('2026-11-28T10:00:00+08:00')

  beforeAll(async () => {
    h.setNow('2026-11-28T10:00:00+08:00')
    await h.ok(main, application(), REJECTED)
    await h.ok(main, { action: 'review', openid: REJECTED, decision: 'reject', note: '请补充资料' }, LEADER)
  })

  test('one millisecond before it ends she is told the day she may apply', async () => {
    h.setNow(new Date(decidedAt + 7 * 86400_000 - 1).toISOString())
    const env = await h.call(main, application(), REJECTED)
    expect(env).toEqual({ ok: false, error: { code: 'CONFLICT', message: '申请未通过，2026-12-05 起可以重新申请' } })
    expect((await h.member(REJECTED))?.status).toBe('rejected')
  })

  test('at the moment it ends she may apply, and the old note is gone', async () => {
    h.setNow(new Date(decidedAt + 7 * 86400_000).toISOString())
    expect(await h.ok(main, application(), REJECTED)).toEqual({ status: 'pending' })
    const rec = (await h.member(REJECTED)) as unknown as Record<string, unknown>
    expect(rec.status).toBe('pending')
    expect(rec).not.toHaveProperty('reviewNote')
    h.setNow('2026-11-28T10:00:00+08:00')
  })

  test('a rejection without a decision time (an operator’s edit) does not lock her out', async () => {
    await h.seedMember({ openid: 'o-a-no-time', status: 'rejected' })
    expect(await h.ok(main, application(), 'o-a-no-time')).toEqual({ status: 'pending' })
  })
})

describe('the double-tap guard', () => {
  test('two taps that both found no record: one record, both answered pending', async () => {
    const tap = (nickname: string) => application({ needs: [], city: undefined, nickname })
    // one content check each: both taps have read "no record" before either writes
    h.holdOpenApi(2)
    const [a, b] = await Promise.all([h.call(main, tap('豆豆妈'), 'o-a-double'), h.call(main, tap('豆豆妈妈'), 'o-a-double')])
    expect(a).toEqual({ ok: true, data: { status: 'pending' } })
    expect(b).toEqual({ ok: true, data: { status: 'pending' } })
    expect(await h.count('members', { _id: 'o-a-double' })).toBe(1)
    const rec = await h.member('o-a-double')
    expect(rec).toMatchObject({ status: 'pending', roles: [], manualTags: [] })
    expect(['豆豆妈', '豆豆妈妈']).toContain(rec?.nickname)
  })

  test('two identical taps in the same instant: both answered pending, not a lost race', async () => {
    const tap = () => application({ needs: [], city: undefined, nickname: '同一下妈妈' })
    await h.ok(main, tap(), 'o-a-same')
    // the same correction twice, overlapping: the second changes nothing yet is no conflict
    h.holdOpenApi(2)
    const [a, b] = await Promise.all([h.call(main, tap(), 'o-a-same'), h.call(main, tap(), 'o-a-same')])
    expect(a).toEqual({ ok: true, data: { status: 'pending' } })
    expect(b).toEqual({ ok: true, data: { status: 'pending' } })
    expect(await h.member('o-a-same')).toMatchObject({ status: 'pending', nickname: '同一下妈妈' })
  })

  test('a correction that loses to a leader’s decision is refused, not written over it', async () => {
    await h.ok(main, application({ needs: [], city: undefined }), 'o-a-lost')
    // her content check waits until the leader's decision has landed and its notice goes out
    h.holdOpenApi(2)
    const [mine, leader] = await Promise.all([
      h.call(main, application({ needs: [], city: undefined, nickname: '改个名' }), 'o-a-lost'),
      h.call(main, { action: 'review', openid: 'o-a-lost', decision: 'approve' }, LEADER),
    ])
    expect(leader).toEqual({ ok: true, data: { status: 'member' } })
    expect(mine).toEqual({ ok: false, error: { code: 'CONFLICT', message: '你的申请状态刚刚发生了变化，请刷新后再试' } })
    expect(await h.member('o-a-lost')).toMatchObject({ status: 'member', nickname: '小雨妈妈' })
  })
})
