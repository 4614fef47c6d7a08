// The client gateway and the H5 `wx.cloud` stand-in, against a real localcloud.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { functionsService } from '../../localcloud/functions'
import { gatewayService } from '../../localcloud/gateway'
import { createWxCloud, installWxCloud } from '../../localcloud/h5/wx-cloud'
import { openapiService } from '../../localcloud/openapi'
import { storageService } from '../../localcloud/storage'
import { FIXTURES, type Harness, loadSdk, postJson, startHarness, type WxCloud } from './fixtures/harness'

jest.setTimeout(20000)

let running: Harness
let sdk: WxCloud
let openid: string | null = 'o-mom'

beforeAll(async () => {
  running = await startHarness([
    (ctx) => functionsService(ctx, { functionsDir: FIXTURES, forwardLogs: false, timers: false }),
    (ctx) => storageService(ctx),
    (ctx) => openapiService(ctx),
    (ctx) => gatewayService(ctx),
  ])
  sdk = loadSdk(running.baseUrl)
})

afterAll(async () => {
  await running?.stop()
})

describe('POST /api/functions/<name>', () => {
  test('runs the function as the x-wx-openid user and answers its return value', async () => {
    const res = await postJson(`${running.baseUrl}/api/functions/whoami`, { action: 'member.me' }, { 'x-wx-openid': 'o-leader' })
    expect(res.status).toBe(200)
    expect(res.json.ctx).toEqual({ OPENID: 'o-leader', APPID: 'wx-local-app', ENV: 'local-env' })
    expect(res.json.event).toEqual({ action: 'member.me' })
  })

  test('unknown function: 404 JSON in the client error shape', async () => {
    const res = await postJson(`${running.baseUrl}/api/functions/nope`, {}, { 'x-wx-openid': 'o1' })
    expect(res.status).toBe(404)
    expect(res.json).toMatchObject({ errCode: -501000, errMsg: expect.stringContaining('cloud.callFunction:fail') })
  })

  test('a throwing function: 500 with the execute-fail error', async () => {
    const res = await postJson(`${running.baseUrl}/api/functions/thrower`, {}, { 'x-wx-openid': 'o1' })
    expect(res.status).toBe(500)
    expect(res.json).toEqual({
      errCode: -504002,
      code: 'FUNCTIONS_EXECUTE_FAIL',
      errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Error: boom',
    })
  })

  test('non-loopback clients are refused', async () => {
    const svc = gatewayService(running.ctx)
    let status = 0
    let body = ''
    const req = { socket: { remoteAddress: '192.168.1.20' }, headers: {}, method: 'POST' } as unknown as IncomingMessage
    const res = {
      writeHead(s: number) {
        status = s
        return this
      },
      end(b: string) {
        body = b
      },
    } as unknown as ServerResponse
    const handled = await svc.routes![0](req, res, new URL('http://x/api/functions/whoami'), running.ctx)
    expect(handled).toBe(true)
    expect(status).toBe(403)
    expect(JSON.parse(body).errMsg).toMatch(/loopback/)
  })
})

describe('H5 wx.cloud stand-in', () => {
  const wxCloud = () => createWxCloud({ baseUrl: running.baseUrl, getOpenid: () => openid })

  test('installWxCloud defines wx.cloud', () => {
    const cloud = installWxCloud({ baseUrl: running.baseUrl, getOpenid: () => openid })
    const g = globalThis as unknown as { wx: { cloud: unknown; requestSubscribeMessage: unknown } }
    expect(g.wx.cloud).toBe(cloud)
    expect(typeof g.wx.requestSubscribeMessage).toBe('function')
  })

  test('callFunction answers { result, errMsg } as the identity the picker holds', async () => {
    openid = 'o-cs'
    const res = await wxCloud().callFunction({ name: 'whoami', data: { a: 1 } })
    expect(res).toMatchObject({ errMsg: 'cloud.callFunction:ok', result: { event: { a: 1 }, ctx: { OPENID: 'o-cs' } } })
    openid = 'o-mom'
  })

  test('callFunction failures reject like the real client', async () => {
    await expect(wxCloud().callFunction({ name: 'thrower', data: {} })).rejects.toMatchObject({
      errCode: -504002,
      errMsg: 'cloud.callFunction:fail Error: errCode: -504002 functions execute fail | errMsg: Error: boom',
    })
    await expect(wxCloud().callFunction({ name: 'nope' })).rejects.toMatchObject({ errMsg: expect.stringMatching(/^cloud\.callFunction:fail/) })
  })

  test('callbacks style: success/complete called, no promise returned', async () => {
    const seen = await new Promise<unknown[]>((resolve) => {
      const calls: unknown[] = []
      const ret = wxCloud().callFunction({
        name: 'whoami',
        success: (r) => calls.push(r.errMsg),
        complete: () => resolve(calls),
      })
      expect(ret).toBeUndefined()
    })
    expect(seen).toEqual(['cloud.callFunction:ok'])
  })

  test('uploadFile from a blob URL and a Blob, then getTempFileURL; the server SDK reads the same file', async () => {
    const cloud = wxCloud()
    const blobUrl = URL.createObjectURL(new Blob(['hello from h5'], { type: 'text/plain' }))
    const up = await cloud.uploadFile({ cloudPath: 'reviews/r1.txt', filePath: blobUrl })
    expect(up).toMatchObject({ errMsg: 'cloud.uploadFile:ok', fileID: expect.stringMatching(/^cloud:\/\/local-env\..+\/reviews\/r1\.txt$/) })
    const up2 = await cloud.uploadFile({ cloudPath: 'reviews/r2.bin', filePath: new Blob([new Uint8Array([9, 8, 7])]) })
    const urls = await cloud.getTempFileURL({ fileList: [up!.fileID, up2!.fileID, 'cloud://local-env.x/none'] })
    expect(urls!.errMsg).toBe('cloud.getTempFileURL:ok')
    expect(urls!.fileList[0]).toMatchObject({ fileID: up!.fileID, status: 0 })
    expect(await (await fetch(urls!.fileList[0].tempFileURL)).text()).toBe('hello from h5')
    expect(urls!.fileList[2]).toMatchObject({ status: -503003, tempFileURL: '' })
    const server = await sdk.downloadFile({ fileID: up2!.fileID })
    expect([...server.fileContent]).toEqual([9, 8, 7])
    const down = await cloud.downloadFile({ fileID: up!.fileID })
    expect(down!.tempFilePath).toMatch(/^blob:/)
  })

  test('multipart upload to the gateway', async () => {
    const form = new FormData()
    form.append('cloudPath', 'reviews/form.txt')
    form.append('file', new Blob(['form bytes']), 'form.txt')
    const res = await fetch(`${running.baseUrl}/api/storage/upload`, { method: 'POST', body: form, headers: { 'x-wx-openid': 'o1' } })
    const json = await res.json()
    expect(json.fileID).toMatch(/reviews\/form\.txt$/)
    const got = await sdk.downloadFile({ fileID: json.fileID })
    expect(got.fileContent.toString()).toBe('form bytes')
  })

  test('requestSubscribeMessage records consent that lets a function send exactly one message', async () => {
    const cloud = createWxCloud({ baseUrl: running.baseUrl, getOpenid: () => 'o-sub', decideSubscription: (ids) => ({ [ids[0]]: 'accept', [ids[1]]: 'reject' }) })
    const res = await cloud.requestSubscribeMessage({ tmplIds: ['TPL_A', 'TPL_B'] })
    expect(res).toEqual({ errMsg: 'requestSubscribeMessage:ok', TPL_A: 'accept', TPL_B: 'reject' })
    const send = (templateId: string) => sdk.openapi.subscribeMessage.send({ touser: 'o-sub', templateId, data: { thing1: { value: 'x' } } })
    await expect(send('TPL_A')).resolves.toMatchObject({ errCode: 0 })
    await expect(send('TPL_A')).rejects.toMatchObject({ errCode: 43101 })
    await expect(send('TPL_B')).rejects.toMatchObject({ errCode: 43101 })
  })
})
