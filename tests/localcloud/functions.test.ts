// Parity: cloud functions through the real wx-server-sdk (cloud.callFunction) against localcloud.
import { functionsService, getFunctionsRuntime } from '../../localcloud/functions'
import { FIXTURES, type Harness, loadSdk, postJson, startHarness } from './fixtures/harness'

jest.setTimeout(30000)

interface CallerOut {
  mine: { OPENID?: string }
  res: { errMsg: string; result: { ctx: unknown; event: unknown } }
  error?: unknown
}

let running: Harness
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let cloud: any

beforeAll(async () => {
  running = await startHarness([(ctx) => functionsService(ctx, { functionsDir: FIXTURES, forwardLogs: false, maxWorkersPerFunction: 2, timers: false })])
  cloud = loadSdk(running.baseUrl)
})

afterAll(async () => {
  await running?.stop()
})

describe('functions.invokeFunction', () => {
  test('runs main(event) and answers its return value; no OPENID from outside a function', async () => {
    const res = await cloud.callFunction({ name: 'whoami', data: { a: 1 } })
    expect(res.errMsg).toBe('callFunction:ok')
    expect(res.result.event).toEqual({ a: 1 })
    expect(res.result.ctx).toEqual({ ENV: 'local-env' })
  })

  test('programmatic invoke runs as the given user', async () => {
    const runtime = getFunctionsRuntime(running.ctx)!
    const out = (await runtime.invoke('whoami', { x: 2 }, { openid: 'o-mother', appid: 'wx-app' })) as { ctx: unknown; event: unknown }
    expect(out.ctx).toEqual({ OPENID: 'o-mother', APPID: 'wx-app', ENV: 'local-env' })
    expect(out.event).toEqual({ x: 2 })
  })

  test('warm workers are reused, one invocation at a time each', async () => {
    const runtime = getFunctionsRuntime(running.ctx)!
    const first = (await runtime.invoke('whoami', {}, { openid: 'a' })) as { pid: number }
    const second = (await runtime.invoke('whoami', {}, { openid: 'b' })) as { pid: number; ctx: { OPENID: string } }
    expect(second.pid).toBe(first.pid)
    expect(second.ctx.OPENID).toBe('b')
    // concurrent callers each keep their own identity
    const many = await Promise.all(['u1', 'u2', 'u3', 'u4', 'u5'].map((openid) => runtime.invoke('whoami', { openid }, { openid })))
    for (const r of many as Array<{ ctx: { OPENID: string }; event: { openid: string } }>) expect(r.ctx.OPENID).toBe(r.event.openid)
    expect(new Set((many as Array<{ pid: number }>).map((r) => r.pid)).size).toBeLessThanOrEqual(2)
  })

  test('a function calling another: the callee sees the caller\'s OPENID', async () => {
    const runtime = getFunctionsRuntime(running.ctx)!
    const out = (await runtime.invoke('caller', { data: { hop: 1 } }, { openid: 'o-leader', appid: 'wx-app' })) as CallerOut
    expect(out.mine.OPENID).toBe('o-leader')
    expect(out.res.errMsg).toBe('callFunction:ok')
    expect(out.res.result.ctx).toEqual({ OPENID: 'o-leader', APPID: 'wx-app', ENV: 'local-env' })
    expect(out.res.result.event).toEqual({ hop: 1 })
  })

  test('unknown function: errCode -1 with the platform code', async () => {
    await expect(cloud.callFunction({ name: 'nope', data: {} })).rejects.toMatchObject({
      errCode: -1,
      code: 'ResourceNotFound.FunctionName',
      errMsg: 'callFunction:fail FunctionName parameter could not be found.',
    })
  })

  test('a thrown error answers FUNCTIONS_EXECUTE_FAIL and the worker stays usable', async () => {
    await expect(cloud.callFunction({ name: 'thrower', data: {} })).rejects.toMatchObject({
      errCode: -1,
      code: 'FUNCTIONS_EXECUTE_FAIL',
      errMsg: 'callFunction:fail Error: boom',
    })
    const ok = await cloud.callFunction({ name: 'thrower', data: { ok: true } })
    expect(ok.result).toEqual({ fine: true })
  })

  test('a crashing process answers an error and the server keeps serving', async () => {
    await expect(cloud.callFunction({ name: 'crasher' })).rejects.toMatchObject({ errCode: -1, code: 'FUNCTIONS_EXECUTE_FAIL' })
    const again = await cloud.callFunction({ name: 'whoami', data: { after: 'crash' } })
    expect(again.result.event).toEqual({ after: 'crash' })
  })

  test('config.json timeout ends a stuck invocation with FUNCTIONS_TIME_LIMIT_EXCEEDED, and the function recovers', async () => {
    const started = Date.now()
    await expect(cloud.callFunction({ name: 'sleeper', data: {} })).rejects.toMatchObject({
      errCode: -1,
      code: 'FUNCTIONS_TIME_LIMIT_EXCEEDED',
      errMsg: 'callFunction:fail Invoking task timed out after 1 seconds',
    })
    // it waited for the configured 1 s rather than failing at once (no upper bound: machines vary)
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    const quick = await cloud.callFunction({ name: 'sleeper', data: { ms: 10 } })
    expect(quick.result).toEqual({ slept: true })
  })

  test('loading the code does not count against the timeout; a load error fails the invocation', async () => {
    const slow = await cloud.callFunction({ name: 'slowstart' })
    expect(slow.result).toEqual({ started: true })
    await expect(cloud.callFunction({ name: 'broken' })).rejects.toMatchObject({
      code: 'FUNCTIONS_EXECUTE_FAIL',
      errMsg: 'callFunction:fail TypeError: cannot load me',
    })
  })

  test('a caller sees the callee\'s failure in the SDK error shape', async () => {
    const runtime = getFunctionsRuntime(running.ctx)!
    const out = (await runtime.invoke('caller', { target: 'thrower' }, { openid: 'o1' })) as CallerOut
    expect(out.error).toEqual({ errCode: -1, code: 'FUNCTIONS_EXECUTE_FAIL', errMsg: 'callFunction:fail Error: boom' })
  })
})

describe('clock', () => {
  test('functions see the localcloud clock through Date.now() and new Date()', async () => {
    const before = (await cloud.callFunction({ name: 'clock' })).result
    expect(Math.abs(before.now - Date.now())).toBeLessThan(2000)
    const day = 24 * 3600_000
    await postJson(`${running.baseUrl}/_localcloud/clock`, { advanceMs: 3 * day })
    const after = (await cloud.callFunction({ name: 'clock' })).result
    expect(after.now - Date.now()).toBeGreaterThan(3 * day - 2000)
    expect(Date.parse(after.iso) - after.now).toBeLessThan(50)
    expect(after.isDate).toBe(true)
    await postJson(`${running.baseUrl}/_localcloud/clock`, { advanceMs: -3 * day })
  })

  test('functions run in UTC like SCF', async () => {
    const r = (await cloud.callFunction({ name: 'clock' })).result
    expect(r.hours).toBe(new Date(r.now).getUTCHours())
  })
})
