import { TEMPLATE_IDS } from '../../domain/notifications'
import { useCloud } from './support'

const LEADER = 'o-leader-a'
const LEADER_B = 'o-leader-b'

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

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-28T10:00:00+08:00')
  await cloud.seedMember({ openid: LEADER, roles: ['leader'] })
  await cloud.seedMember({ openid: LEADER_B, roles: ['leader'] })
})

describe('member.apply', () => {
  test('bad input is refused with what is wrong, and nothing is written', async () => {
    const env = await cloud.call('member', application({ babyBirthDate: '2026-13-01', phone: '123' }), 'o-bad')
    expect(env.ok).toBe(false)
    if (!env.ok) {
      expect(env.error.code).toBe('BAD_INPUT')
      expect(env.error.message).toContain('宝宝生日/预产期')
      expect(env.error.message).toContain('手机号')
    }
    expect(await cloud.member('o-bad')).toBeNull()
  })

  test('a visitor applies and becomes pending with tags from her needs and stage', async () => {
    expect(await cloud.ok('member', application(), 'o-apply-1')).toEqual({ status: 'pending' })
    const rec = await cloud.member('o-apply-1')
    expect(rec).toMatchObject({ status: 'pending', nickname: '小雨妈妈', phone: '13812341234', privacyConsent: 'v1' })
    expect(rec?.tags).toEqual(expect.arrayContaining(['6-12月', '辅食添加期', '过敏体质宝宝']))
    const me = await cloud.ok<{ status: string }>('member', { action: 'me' }, 'o-apply-1')
    expect(me.status).toBe('pending')
  })

  test('parallel first applications create one record; every tap is answered pending', async () => {
    // all four inserts arrive before any is answered: three collide on `_id` and update instead
    const inserts = cloud.barrier({ collection: 'members', action: 'add', count: 4 })
    const answers = await Promise.all([1, 2, 3, 4].map((i) => cloud.call('member', application({ nickname: `豆豆妈${i}` }), 'o-apply-2')))
    await inserts
    expect(answers).toEqual(Array(4).fill({ ok: true, data: { status: 'pending' } }))
    const res = await cloud.db.collection('members').where({ _id: 'o-apply-2' }).count()
    expect(res.total).toBe(1)
    expect((await cloud.member('o-apply-2'))?.status).toBe('pending')
  })

  test('the weapp phone button’s code is exchanged server-side; a bad code is refused', async () => {
    const { phone: _typed, ...withoutPhone } = application()
    expect(await cloud.ok('member', { ...withoutPhone, phoneCode: 'dev-phone-13700001234' }, 'o-apply-phone')).toEqual({ status: 'pending' })
    expect((await cloud.member('o-apply-phone'))?.phone).toBe('13700001234')
    const bad = await cloud.call('member', { ...withoutPhone, phoneCode: 'expired-code' }, 'o-apply-phone-2')
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await cloud.member('o-apply-phone-2')).toBeNull()
  })

  test('text that fails the content check is rejected and not stored', async () => {
    const env = await cloud.call('member', application({ nickname: '违禁词妈妈' }), 'o-apply-bad-text')
    expect(env).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await cloud.member('o-apply-bad-text')).toBeNull()
  })

  test('a pending applicant can only apply and look at herself', async () => {
    for (const action of ['pending', 'list', 'review', 'tag', 'setRoles']) {
      // she is refused before her (empty) input is looked at
      expect([action, await cloud.call('member', { action }, 'o-apply-1')]).toEqual([action, { ok: false, error: { code: 'NOT_MEMBER', message: expect.any(String) } }])
    }
  })
})

describe('member.review', () => {
  test('the queue shows pending applicants oldest first with phones masked', async () => {
    await cloud.ok('member', application({ nickname: '早早妈' }), 'o-queue-1')
    await cloud.advanceClock(60_000)
    await cloud.ok('member', application({ nickname: '晚晚妈' }), 'o-queue-2')
    const page = await cloud.ok<{ items: Array<{ openid: string; phoneMasked: string; age: string }>; total: number }>('member', { action: 'pending', pageSize: 50 }, LEADER)
    const ids = page.items.map((i) => i.openid)
    expect(ids.indexOf('o-queue-1')).toBeLessThan(ids.indexOf('o-queue-2'))
    expect(page.items[0].phoneMasked).toBe('138****1234')
    expect(JSON.stringify(page)).not.toContain('13812341234')
    expect(page.items[0].age).toBe('8 个月')
  })

  test('a member who is not a leader cannot review', async () => {
    await cloud.seedMember({ openid: 'o-plain-member' })
    const env = await cloud.call('member', { action: 'review', openid: 'o-queue-1', decision: 'approve' }, 'o-plain-member')
    expect(env).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await cloud.member('o-queue-1'))?.status).toBe('pending')
  })

  test('approval admits her with the leader’s tags and notifies her when she subscribed', async () => {
    await cloud.grantSubscription('o-queue-1', TEMPLATE_IDS.reviewResult)
    const res = await cloud.ok('member', { action: 'review', openid: 'o-queue-1', decision: 'approve', tags: ['种子用户', '过敏体质宝宝'] }, LEADER)
    expect(res).toEqual({ status: 'member' })
    const rec = await cloud.member('o-queue-1')
    expect(rec).toMatchObject({ status: 'member', reviewedBy: LEADER })
    expect(rec?.tags).toEqual(expect.arrayContaining(['种子用户', '过敏体质宝宝']))
    // a tag the rules already give stays automatic only
    expect(rec?.manualTags).toEqual(['种子用户'])
    const sent = await cloud.outbox('o-queue-1')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ template_id: TEMPLATE_IDS.reviewResult, data: { phrase2: { value: '已通过' } } })
  })

  test('a rejection without a subscription still lands, with the note she sees', async () => {
    await cloud.ok('member', { action: 'review', openid: 'o-queue-2', decision: 'reject', note: '请补充宝宝出生日期' }, LEADER)
    expect(await cloud.outbox('o-queue-2')).toHaveLength(0)
    const me = await cloud.ok<{ status: string; reviewNote: string; reapplyFrom: string }>('member', { action: 'me' }, 'o-queue-2')
    expect(me).toMatchObject({ status: 'rejected', reviewNote: '请补充宝宝出生日期', reapplyFrom: '2026-12-05' })
  })

  test('a rejected mother waits out the cooling period, then may apply again', async () => {
    const early = await cloud.call('member', application(), 'o-queue-2')
    expect(early).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    if (!early.ok) expect(early.error.message).toContain('2026-12-05')
    await cloud.advanceClock(7 * 86400_000)
    expect(await cloud.ok('member', application(), 'o-queue-2')).toEqual({ status: 'pending' })
    const me = await cloud.ok<{ status: string; reviewNote?: string }>('member', { action: 'me' }, 'o-queue-2')
    expect(me.status).toBe('pending')
    expect(me.reviewNote).toBeUndefined()
  })

  test('two leaders deciding the same applicant at once: exactly one decision lands', async () => {
    for (let round = 0; round < 3; round++) {
      const openid = `o-race-${round}`
      await cloud.ok('member', application({ nickname: '抢审妈' }), openid)
      // both callers' records, then both reads of the applicant, are answered together: both see
      // her pending, so only the status condition in the write can keep one of them out
      const callers = cloud.barrier({ collection: 'members', count: 2 })
      const applicantReads = callers.then(() => cloud.barrier({ collection: 'members', count: 2 }))
      const [a, b] = await Promise.all([
        cloud.call('member', { action: 'review', openid, decision: 'approve' }, LEADER),
        cloud.call('member', { action: 'review', openid, decision: 'reject', note: '重复' }, LEADER_B),
      ])
      await applicantReads
      const approved = { ok: true, data: { status: 'member' } }
      const rejected = { ok: true, data: { status: 'rejected' } }
      const lost = { ok: false, error: { code: 'CONFLICT', message: '这份申请刚刚已被其他团长处理' } }
      expect([[a, b], [[approved, lost], [lost, rejected]]]).toEqual([[a, b], expect.arrayContaining([[a, b]])])
      const rec = await cloud.member(openid)
      expect(rec).toMatchObject(a.ok ? { status: 'member', reviewedBy: LEADER } : { status: 'rejected', reviewedBy: LEADER_B })
    }
  })

  test('an applied member cannot apply again', async () => {
    const env = await cloud.call('member', application(), 'o-queue-1')
    expect(env).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
  })
})
