// Hostile bodies: each gets a clear client error (4xx JSON saying what was wrong) and harms no one
// else — no worker dies, the server keeps answering, other callers are served.
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { GATEWAY_JSON_LIMIT, MAX_JSON_DEPTH } from '../../localcloud/body'
import { functionsService } from '../../localcloud/functions'
import { gatewayService } from '../../localcloud/gateway'
import { staticFilesService } from '../../localcloud/static'
import { storageService } from '../../localcloud/storage'
import { FIXTURES, type Harness, loadSdk, startHarness, type WxCloud } from './fixtures/harness'

jest.setTimeout(60_000)

let running: Harness
let sdk: WxCloud
let staticDir: string

beforeAll(async () => {
  staticDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-static-'))
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<p>app</p>')
  running = await startHarness([
    // one warm worker: if a hostile request killed it, the next call would see a new pid
    (ctx) => functionsService(ctx, { functionsDir: FIXTURES, forwardLogs: false, timers: false, maxWorkersPerFunction: 1 }),
    (ctx) => storageService(ctx),
    (ctx) => gatewayService(ctx),
    () => staticFilesService(staticDir),
  ])
  sdk = loadSdk(running.baseUrl)
})

afterAll(async () => {
  await running?.stop()
  fs.rmSync(staticDir, { recursive: true, force: true })
})

interface Answer {
  status: number
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  json: any
}

function post(pathname: string, body: string | Buffer, headers: Record<string, string> = { 'content-type': 'application/json' }): Promise<Answer> {
  return send('POST', pathname, body, headers)
}

function send(method: string, pathname: string, body: string | Buffer | undefined, headers: Record<string, string>): Promise<Answer> {
  const { port } = new URL(running.baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers: { 'x-wx-openid': 'o-mom', ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8')
        let json: unknown = text
        try {
          json = JSON.parse(text)
        } catch {
          /* not JSON: keep the text */
        }
        resolve({ status: res.statusCode ?? 0, json })
      })
    })
    req.on('error', reject)
    req.end(body)
  })
}

/** `depth` arrays inside each other */
const nested = (depth: number): string => `${'['.repeat(depth)}1${']'.repeat(depth)}`
/** `{"a": [[...]]}`: `depth` levels counting the outer object */
const deepBody = (depth: number): string => `{"a":${nested(depth - 1)}}`
const whoami = () => post('/api/functions/whoami', '{"action":"member.me"}')

describe('deeply nested JSON', () => {
  test('5,000 levels (~10 KB) to the gateway: 400 "nested too deep", no worker dies, others are served', async () => {
    const before = await whoami()
    expect(before.status).toBe(200)
    const hostile = deepBody(5000)
    expect(hostile.length).toBeLessThan(11_000)
    const answers = await Promise.all([...Array(20)].map(() => post('/api/functions/whoami', hostile)))
    for (const a of answers) {
      expect(a.status).toBe(400)
      expect(a.json).toMatchObject({ errCode: -501007, code: 'INVALID_PARAM', errMsg: expect.stringContaining('请求内容嵌套过深') })
    }
    const after = await whoami()
    expect(after.status).toBe(200)
    expect(after.json.pid).toBe(before.json.pid) // the same warm worker: none was killed or replaced
  })

  test(`the bound is ${MAX_JSON_DEPTH} levels: exactly that many is served`, async () => {
    const ok = await post('/api/functions/whoami', deepBody(MAX_JSON_DEPTH))
    expect(ok.status).toBe(200)
    expect((await post('/api/functions/whoami', deepBody(MAX_JSON_DEPTH + 1))).status).toBe(400)
  })

  test('brackets inside strings do not count', async () => {
    const res = await post('/api/functions/whoami', JSON.stringify({ note: '['.repeat(10_000) }))
    expect(res.status).toBe(200)
    expect(res.json.event.note).toHaveLength(10_000)
  })

  test('through the SDK channel: cloud.callFunction data nested too deep is INVALID_PARAM and the worker lives', async () => {
    const before = await whoami()
    const res = await post('/admin', JSON.stringify({ action: 'functions.invokeFunction', function_name: 'whoami', request_data: deepBody(5000) }))
    expect(res.status).toBe(200)
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('nested') })
    expect((await whoami()).json.pid).toBe(before.json.pid)
  })

  test('the admin body itself and control routes: 400 with a message, nothing runs', async () => {
    const admin = await post('/admin', `{"action":"database.addCollection","collectionName":"deep","x":${nested(5000)}}`)
    expect(admin.status).toBe(400)
    expect(admin.json).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('嵌套过深') })
    await expect(sdk.database().createCollection('deep')).resolves.toMatchObject({ errMsg: 'createCollection:ok' })
    const clock = await post('/_localcloud/clock', `{"advanceMs":1,"x":${nested(5000)}}`)
    expect(clock.status).toBe(400)
    const temp = await post('/api/storage/temp-urls', `{"fileList":${nested(5000)}}`)
    expect(temp.status).toBe(400)
    expect(temp.json.errMsg).toContain('cloud.getTempFileURL:fail')
  })
})

describe('oversized and malformed bodies', () => {
  test('a gateway body over the limit answers 413 saying it is too large, and the server serves the next call', async () => {
    const big = JSON.stringify({ blob: 'x'.repeat(GATEWAY_JSON_LIMIT) })
    const res = await post('/api/functions/whoami', big)
    expect(res.status).toBe(413)
    expect(res.json).toMatchObject({ code: 'REQUEST_TOO_LARGE', errMsg: expect.stringContaining('too large') })
    expect((await whoami()).status).toBe(200)
  })

  test('a body that is not JSON answers 400 "not JSON"', async () => {
    const res = await post('/api/functions/whoami', '{"action":')
    expect(res.status).toBe(400)
    expect(res.json.errMsg).toContain('not JSON')
    const admin = await post('/admin', '{"action":')
    expect(admin.status).toBe(400)
    expect(admin.json).toMatchObject({ code: 'INVALID_PARAM', message: 'request body is not JSON' })
  })

  test('JSON that is not an object (null, a number) is no crash', async () => {
    expect((await post('/_localcloud/clock', 'null')).status).toBe(200)
    expect((await post('/admin', '42')).json).toMatchObject({ code: 'INVALID_PARAM', message: 'unknown action: undefined' })
  })

  test.each([
    ['a function name', '/api/functions/%E0%A4%A'],
    ['a function name (lone %)', '/api/functions/who%ami'],
  ])('a malformed %%-escape in %s answers 400', async (_label, p) => {
    const res = await post(p, '{}')
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM', errMsg: expect.stringContaining('malformed %-escape') })
  })

  test('a malformed %-escape in a static path answers 400, not 500', async () => {
    const res = await send('GET', '/%E0%A4%A.html', undefined, {})
    expect(res.status).toBe(400)
    expect(res.json).toMatchObject({ code: 'INVALID_PARAM', message: 'malformed %-escape in the URL' })
    expect((await send('GET', '/', undefined, {})).status).toBe(200)
  })
})
