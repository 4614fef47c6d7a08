import { z } from 'zod'
import { main } from '../../cloudfunctions/member/index'
import { AppError } from '../../domain/errors'
import { action, createRouter, type ActionContext } from '../../server/router'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-r-leader'
const ADMIN = 'o-r-admin'
const MOTHER = 'o-r-mother'
const APPLICANT = 'o-r-applicant'

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'] })
  await h.seedMember({ openid: ADMIN, roles: ['admin'] })
  await h.seedMember({ openid: MOTHER })
  await h.seedMember({ openid: APPLICANT, status: 'pending' })
})
afterAll(async () => {
  await h.close()
})

describe('identity comes from the WeChat context, never from the input', () => {
  test('a mother whose input names a leader is still herself', async () => {
    // `openid` is a field of member.tag (whom to tag): a router taking the caller from it would let her in
    const env = await h.call(main, { action: 'tag', openid: LEADER, add: ['自封团长'] }, MOTHER)
    expect(env).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } })
    const viaPlatformField = await h.call(main, { action: 'pending', userInfo: { openId: LEADER, appId: 'wx-local-app' } }, MOTHER)
    expect(viaPlatformField).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect((await h.member(LEADER))?.manualTags).toEqual([])
  })

  test('the platform’s userInfo is not input: me answers the context’s caller', async () => {
    const me = await h.ok<{ openid: string; status: string; roles: string[] }>(main, { action: 'me', userInfo: { openId: LEADER, appId: 'wx-local-app' } }, MOTHER)
    expect(me).toMatchObject({ openid: MOTHER, status: 'member', roles: [] })
  })

  test('an application claiming another openid is filed under the caller', async () => {
    const env = await h.call(main, { action: 'apply', babyBirthDate: '2026-03-01', needs: [], nickname: '新妈妈', OPENID: 'o-r-victim' }, 'o-r-newcomer')
    // the claim is an unknown field: refused before anything is written, under either name
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h.member('o-r-victim')).toBeNull()
    expect(await h.member('o-r-newcomer')).toBeNull()
  })

  test('no caller in the context is UNAUTHENTICATED, whatever the input says', async () => {
    const env = await h.call(main, { action: 'review', openid: APPLICANT, decision: 'approve' }, '')
    expect(env).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开并登录' } })
    const me = await h.call(main, { action: 'me', userInfo: { openId: LEADER } }, '')
    expect(me).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })
})

describe('authorisation from the access table', () => {
  test('a visitor asking for a leader action hears "join first"', async () => {
    expect(await h.call(main, { action: 'pending' }, 'o-r-visitor')).toEqual({ ok: false, error: { code: 'NOT_MEMBER', message: '请先加入亲亲宝贝社群，审核通过后即可使用' } })
  })

  test('a member asking for a leader action is FORBIDDEN; an admin may act as a leader', async () => {
    expect(await h.call(main, { action: 'pending' }, MOTHER)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } })
    const page = await h.ok<{ items: Array<{ openid: string }> }>(main, { action: 'pending' }, ADMIN)
    expect(page.items.map((i) => i.openid)).toContain(APPLICANT)
  })

  test('anyone may ask who she is; a visitor is a visitor', async () => {
    expect(await h.ok(main, { action: 'me' }, 'o-r-visitor')).toEqual({ openid: 'o-r-visitor', status: 'visitor', roles: [], tags: [] })
  })
})

describe('what the router refuses before any handler runs', () => {
  const unknown = [
    [{}, '缺少操作名 action'],
    [{ action: 42 }, '缺少操作名 action'],
    [{ action: 'launch' }, '不支持的操作：launch'],
    [{ action: 'toString' }, '不支持的操作：toString'],
    [{ action: 'hasOwnProperty' }, '不支持的操作：hasOwnProperty'],
  ] as const

  test.each(unknown)('%j from an admin is BAD_INPUT naming the problem', async (event, message) => {
    expect(await h.call(main, { ...event }, ADMIN)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message } })
  })

  // authorised before validated: a name nobody may call is refused like the most guarded action
  test.each(unknown)('%j from a mother is FORBIDDEN, revealing nothing', async (event) => {
    expect(await h.call(main, { ...event }, MOTHER)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '没有权限进行此操作' } })
  })

  test('a malformed input names the field in Chinese', async () => {
    const env = await h.call(main, { action: 'review', openid: APPLICANT, decision: 'maybe' }, LEADER)
    expect(env).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '审核结果：审核结果只能是 approve 或 reject' } })
  })
})

describe('the router with an action table of its own', () => {
  const seen: ActionContext[] = []
  const table = {
    me: action({
      input: z.object({ n: z.number().default(1) }).strict(),
      handler: async (input, ctx) => {
        seen.push(ctx)
        if (input.n === 0) throw new Error('boom')
        if (input.n < 0) throw new AppError('CONFLICT', '自定义冲突')
        return { doubled: input.n * 2 }
      },
    }),
    // in the table but not in the access table: cannot run
    secret: action({ input: z.object({}), handler: async () => 'leaked' }),
  }
  const timers: string[] = []
  const routed = createRouter('member', table, { onTimer: async (_ctx, trigger) => void timers.push(trigger) })
  const plain = createRouter('member', table)

  test('the handler gets parsed input and the caller’s context, and its result is wrapped', async () => {
    expect(await h.call(routed, { action: 'me', n: 21 }, LEADER)).toEqual({ ok: true, data: { doubled: 42 } })
    const ctx = seen[seen.length - 1]
    expect(ctx.openid).toBe(LEADER)
    expect(ctx.caller).toEqual({ openid: LEADER, status: 'member', roles: ['leader'] })
    expect(ctx.member).toMatchObject({ _id: LEADER, roles: ['leader'] })
    expect(ctx.now().toISOString()).toBe(new Date().toISOString())
    expect(await h.call(routed, { action: 'me' }, 'o-r-nobody')).toEqual({ ok: true, data: { doubled: 2 } })
    expect(seen[seen.length - 1]).toMatchObject({ member: null, caller: { openid: 'o-r-nobody', status: 'visitor', roles: [] } })
  })

  test('a domain error keeps its code and message; anything else is INTERNAL', async () => {
    expect(await h.call(routed, { action: 'me', n: -1 }, LEADER)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '自定义冲突' } })
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    try {
      expect(await h.call(routed, { action: 'me', n: 0 }, LEADER)).toEqual({ ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试' } })
      expect(error).toHaveBeenCalled()
    } finally {
      error.mockRestore()
    }
  })

  test('an action missing from the access table cannot run', async () => {
    expect(await h.call(routed, { action: 'secret' }, ADMIN)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '不支持的操作：secret' } })
  })

  test('a timer event runs the timer job with its trigger name and answers nothing', async () => {
    expect(await h.timer(routed, 'dailyTags')).toBeUndefined()
    expect(await routed({ Type: 'Timer' })).toBeUndefined()
    expect(timers).toEqual(['dailyTags', ''])
  })

  test('a client posing as the timer is an ordinary call: refused, and the timer job does not run', async () => {
    const before = timers.length
    const posing = (who: string) => h.call(routed, { Type: 'Timer', TriggerName: 'dailyTags' }, who)
    expect(await posing('o-r-nobody')).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    expect(await posing(LEADER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await posing(ADMIN)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '缺少操作名 action' } })
    expect(timers.length).toBe(before)
  })

  test('without a timer job a timer event is just a call without a caller', async () => {
    expect(await h.timer(plain, 'dailyTags')).toEqual({ ok: false, error: { code: 'UNAUTHENTICATED', message: '请在微信中打开并登录' } })
  })
})
