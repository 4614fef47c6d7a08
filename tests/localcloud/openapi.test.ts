// Parity: cloud.openapi.* through the real wx-server-sdk (multipart + protobuf on the wire).
import fs from 'node:fs'
import path from 'node:path'
import { functionsService, getFunctionsRuntime } from '../../localcloud/functions'
import { openapiService } from '../../localcloud/openapi'
import { decode, encode } from '../../localcloud/protobuf'
import { FIXTURES, type Harness, loadSdk, postJson, startHarness } from './fixtures/harness'

jest.setTimeout(20000)

let running: Harness
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let cloud: any

beforeAll(async () => {
  running = await startHarness([
    (ctx) => functionsService(ctx, { functionsDir: FIXTURES, forwardLogs: false, timers: false }),
    (ctx) => openapiService(ctx),
  ])
  cloud = loadSdk(running.baseUrl)
})

afterAll(async () => {
  await running?.stop()
})

const outbox = async (query = '') => (await (await fetch(`${running.baseUrl}/_localcloud/outbox${query}`)).json()).items
const grant = (openid: string, templateId: string, count?: number) =>
  postJson(`${running.baseUrl}/_localcloud/subscriptions`, { openid, templateId, count })

describe('protobuf codec', () => {
  test('round-trips varints, strings and negative int32', () => {
    const buf = encode([[1, 150], [2, 'hi'], [3, -604101], [4, Buffer.from([1, 2])]])
    const f = decode(buf)
    expect(f.get(1)).toEqual([150])
    expect((f.get(2)![0] as Buffer).toString()).toBe('hi')
    expect(f.get(3)).toEqual([-604101])
    expect([...(f.get(4)![0] as Buffer)]).toEqual([1, 2])
  })
})

describe('subscribeMessage.send', () => {
  test('without consent: refused with 43101 and nothing lands in the outbox', async () => {
    await expect(
      cloud.openapi.subscribeMessage.send({ touser: 'o-mom', templateId: 'TPL_SHIP', data: { thing1: { value: 'x' } } }),
    ).rejects.toMatchObject({ errCode: 43101, errMsg: 'openapi.subscribeMessage.send:fail user refuse to accept the msg' })
    expect(await outbox('?touser=o-mom')).toEqual([])
  })

  test('each accept allows exactly one message; sent messages are listed and persisted', async () => {
    const g = await grant('o-mom', 'TPL_SHIP', 1)
    expect(g.json.consents).toEqual({ TPL_SHIP: 1 })
    const res = await cloud.openapi.subscribeMessage.send({
      touser: 'o-mom',
      templateId: 'TPL_SHIP',
      page: 'pages/order/index',
      data: { thing1: { value: '您的奶粉已发货' }, date2: { value: '2025-01-02' } },
      miniprogramState: 'trial',
    })
    expect(res).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    expect(typeof res.msgid).toBe('number')
    const items = await outbox('?touser=o-mom')
    expect(items).toHaveLength(1)
    expect(items[0]).toMatchObject({
      msgid: res.msgid,
      touser: 'o-mom',
      template_id: 'TPL_SHIP',
      page: 'pages/order/index',
      data: { thing1: { value: '您的奶粉已发货' }, date2: { value: '2025-01-02' } },
      miniprogram_state: 'trial',
    })
    // the consent is used up
    await expect(cloud.openapi.subscribeMessage.send({ touser: 'o-mom', templateId: 'TPL_SHIP', data: { thing1: { value: 'again' } } }))
      .rejects.toMatchObject({ errCode: 43101 })
    const file = fs.readFileSync(path.join(running.dataDir, 'openapi', 'outbox.jsonl'), 'utf8')
    expect(file.trim().split('\n').map((l) => JSON.parse(l).msgid)).toContain(res.msgid)
  })

  test('from a function that declares the API: sent, attributed to the function', async () => {
    await grant('o-fn-user', 'TPL_CHAIN', 2)
    const runtime = getFunctionsRuntime(running.ctx)!
    const out = (await runtime.invoke('notifier', { templateId: 'TPL_CHAIN' }, { openid: 'o-fn-user' })) as Record<string, unknown>
    expect(out).toMatchObject({ errCode: 0, errMsg: 'openapi.subscribeMessage.send:ok' })
    const items = await outbox('?touser=o-fn-user')
    expect(items[0]).toMatchObject({ template_id: 'TPL_CHAIN', fromFunction: 'notifier', miniprogram_state: 'developer' })
  })

  test('from a function that did not declare it in config.json permissions: -604101', async () => {
    const runtime = getFunctionsRuntime(running.ctx)!
    const out = (await runtime.invoke('undeclared', {}, { openid: 'o1' })) as { error: unknown }
    expect(out.error).toEqual({ errCode: -604101, errMsg: 'system error: error code: -604101' })
  })

  test('missing touser / template_id answer WeChat argument errors', async () => {
    await expect(cloud.openapi.subscribeMessage.send({ templateId: 'T', data: {} })).rejects.toMatchObject({ errCode: 40003 })
    await expect(cloud.openapi.subscribeMessage.send({ touser: 'o1', data: {} })).rejects.toMatchObject({ errCode: 40037 })
  })
})

describe('security.msgSecCheck', () => {
  test('clean text passes with the v2 result shape', async () => {
    const res = await cloud.openapi.security.msgSecCheck({ content: '宝宝今天喝奶很乖', version: 2, scene: 2, openid: 'o1' })
    expect(res).toMatchObject({ errCode: 0, errMsg: 'openapi.security.msgSecCheck:ok', result: { suggest: 'pass', label: 100 } })
    expect(Array.isArray(res.detail)).toBe(true)
    expect(typeof res.traceId).toBe('string')
  })

  test('listed words (Chinese and English, any case) are risky with their label', async () => {
    const res = await cloud.openapi.security.msgSecCheck({ content: '可以代开发票哦', version: 2, scene: 1, openid: 'o1' })
    expect(res.result).toEqual({ suggest: 'risky', label: 20008 })
    expect(res.detail).toEqual(expect.arrayContaining([expect.objectContaining({ strategy: 'keyword', keyword: '代开发票', suggest: 'risky' })]))
    const en = await cloud.openapi.security.msgSecCheck({ content: 'this is FAKE-BANNED text', version: 2, scene: 2, openid: 'o1' })
    expect(en.result.suggest).toBe('risky')
  })

  test('from inside a function, as the caller', async () => {
    const runtime = getFunctionsRuntime(running.ctx)!
    const out = (await runtime.invoke('notifier', { check: '一起来赌博' }, { openid: 'o-fn-user' })) as { result: unknown }
    expect(out.result).toEqual({ suggest: 'risky', label: 20006 })
  })

  test('v2 without openid answers 40003; legacy v1 answers 87014 for risky content', async () => {
    await expect(cloud.openapi.security.msgSecCheck({ content: 'hi', version: 2, scene: 2 })).rejects.toMatchObject({ errCode: 40003 })
    await expect(cloud.openapi.security.msgSecCheck({ content: '违禁词' })).rejects.toMatchObject({
      errCode: 87014,
      errMsg: 'openapi.security.msgSecCheck:fail risky content',
    })
  })
})

test('an API localcloud does not implement answers -604100 "API not found"', async () => {
  await expect(cloud.openapi.wxacode.getUnlimited({ scene: 'a=1' })).rejects.toMatchObject({ errCode: -604100, errMsg: 'system error: error code: -604100' })
})
