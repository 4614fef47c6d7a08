// Who can reach localcloud: what a hostile page in the developer's browser can send (simple
// cross-origin requests, DNS-rebound names) is refused before it changes anything, while the real
// wx-server-sdk and the H5 app's own origin keep working. Stored files are served so that they can
// never run as pages; temp URLs and upload signatures expire; one server per data directory.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { DataDirInUseError } from '../../localcloud/datadir-lock'
import { functionsService } from '../../localcloud/functions'
import { gatewayService } from '../../localcloud/gateway'
import { openapiService } from '../../localcloud/openapi'
import { startLocalCloud } from '../../localcloud/server'
import { MAX_AGE_SEC, storageService, UPLOAD_SIGNATURE_SEC } from '../../localcloud/storage'
import { FIXTURES, type Harness, loadSdk, startHarness, type WxCloud } from './fixtures/harness'

jest.setTimeout(30_000)

const ROOT = path.resolve(__dirname, '..', '..')

let running: Harness
let sdk: WxCloud
let host: string

beforeAll(async () => {
  running = await startHarness([
    (ctx) => functionsService(ctx, { functionsDir: FIXTURES, forwardLogs: false, timers: false }),
    (ctx) => storageService(ctx),
    (ctx) => openapiService(ctx),
    (ctx) => gatewayService(ctx),
  ])
  sdk = loadSdk(running.baseUrl)
  host = new URL(running.baseUrl).host
})

afterAll(async () => {
  await running?.stop()
})

interface Answer {
  status: number
  headers: http.IncomingHttpHeaders
  text: string
}

/** One request with exactly these headers (fetch would add or refuse some, such as Host). */
function raw(method: string, pathname: string, headers: Record<string, string>, body?: string | Buffer): Promise<Answer> {
  const { port } = new URL(running.baseUrl)
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: pathname, headers: { host, ...headers }, agent: false }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }))
    })
    req.on('error', reject)
    req.end(body)
  })
}

const EVIL = 'http://evil.example'
const multipart = (fields: Record<string, string>): { type: string; body: string } => {
  const b = 'xBOUNDARYx'
  const body = Object.entries(fields).map(([k, v]) => `--${b}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join('') + `--${b}--\r\n`
  return { type: `multipart/form-data; boundary=${b}`, body }
}

const clockNow = async (): Promise<string> => JSON.parse((await raw('GET', '/_localcloud/health', {})).text).now
const advance = (ms: number) => raw('POST', '/_localcloud/clock', { 'content-type': 'application/json' }, JSON.stringify({ advanceMs: ms }))

describe('the admin endpoint takes only what the SDK sends', () => {
  const grantAdmin = JSON.stringify({ action: 'database.addCollection', collectionName: 'pwned' })

  test.each([
    ['text/plain (a form or fetch no-cors)', 'text/plain', grantAdmin],
    ['urlencoded (a form)', 'application/x-www-form-urlencoded', `x=${encodeURIComponent(grantAdmin)}`],
    ['no content type', '', grantAdmin],
  ])('%s is refused: 415, or 403 when it comes from a page of another origin', async (_label, type, body) => {
    const headers: Record<string, string> = type ? { 'content-type': type } : {}
    const res = await raw('POST', '/admin', headers, body)
    expect(res.status).toBe(415)
    expect(JSON.parse(res.text)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' })
    expect((await raw('POST', '/admin', { ...headers, origin: EVIL }, body)).status).toBe(403)
  })

  test('JSON from a page of another origin is refused with 403', async () => {
    const res = await raw('POST', '/admin', { 'content-type': 'application/json', origin: EVIL }, grantAdmin)
    expect(res.status).toBe(403)
    expect(JSON.parse(res.text)).toMatchObject({ code: 'FORBIDDEN_ORIGIN' })
  })

  test('an absolute-form request target is guarded like the path it names', async () => {
    const res = await raw('POST', `http://${host}/admin`, { 'content-type': 'text/plain' }, grantAdmin)
    expect(res.status).toBe(415)
  })

  test('a forged multipart open-API call (a form can send multipart) is refused without the SDK headers', async () => {
    const form = multipart({ action: 'wx.openApi', apiName: 'subscribeMessage.send' })
    const res = await raw('POST', '/admin', { 'content-type': form.type }, form.body)
    expect(res.status).toBe(415)
    // the headers need a CORS preflight, which a foreign page never passes; and its Origin is refused anyway
    const withHeaders = await raw('POST', '/admin', { 'content-type': form.type, origin: EVIL, 'x-sdk-version': 'x', 'x-tcb-source': 'x' }, form.body)
    expect(withHeaders.status).toBe(403)
  })

  test('none of the refused calls created the collection, and the SDK itself still writes and calls the open API', async () => {
    const db = sdk.database()
    await expect(db.createCollection('pwned')).resolves.toMatchObject({ errMsg: 'createCollection:ok' })
    await db.collection('pwned').add({ data: { by: 'sdk' } })
    expect((await db.collection('pwned').count()).total).toBe(1)
    const check = await sdk.openapi.security.msgSecCheck({ content: 'hello', version: 2, scene: 1, openid: 'o1' })
    expect(check.result).toMatchObject({ suggest: 'pass' })
  })
})

describe('DNS rebinding: only a loopback Host is answered', () => {
  test.each([
    ['GET', '/_localcloud/health'],
    ['POST', '/api/functions/whoami'],
    ['POST', '/admin'],
  ])('%s %s with Host evil.example is refused with 403', async (method, p) => {
    const port = new URL(running.baseUrl).port
    // the rebound page is "same origin" with itself: Host and Origin agree, both foreign
    const res = await raw(method, p, { host: `evil.example:${port}`, origin: `http://evil.example:${port}`, 'content-type': 'application/json' }, method === 'GET' ? undefined : '{}')
    expect(res.status).toBe(403)
    expect(JSON.parse(res.text)).toMatchObject({ code: 'FORBIDDEN_HOST' })
  })

  test.each(['127.0.0.1', 'localhost', '[::1]'])('Host %s is answered', async (name) => {
    const port = new URL(running.baseUrl).port
    expect((await raw('GET', '/_localcloud/health', { host: `${name}:${port}` })).status).toBe(200)
  })
})

describe('the clock and the other control routes', () => {
  test('a simple cross-origin POST cannot move the clock', async () => {
    const before = Date.parse(await clockNow())
    const plain = await raw('POST', '/_localcloud/clock', { 'content-type': 'text/plain' }, JSON.stringify({ advanceMs: 1e12 }))
    expect(plain.status).toBe(415)
    const plainForeign = await raw('POST', '/_localcloud/clock', { 'content-type': 'text/plain', origin: EVIL }, JSON.stringify({ advanceMs: 1e12 }))
    expect(plainForeign.status).toBe(403)
    const json = await raw('POST', '/_localcloud/clock', { 'content-type': 'application/json', origin: EVIL }, JSON.stringify({ advanceMs: 1e12 }))
    expect(json.status).toBe(403)
    const after = Date.parse(await clockNow())
    expect(after - before).toBeLessThan(1e11) // not moved by 10^12 ms
  })

  test('consent to subscribe messages cannot be granted by a form post', async () => {
    const body = JSON.stringify({ openid: 'o-victim', templateId: 'TPL' })
    expect((await raw('POST', '/_localcloud/subscriptions', { 'content-type': 'text/plain' }, body)).status).toBe(415)
    expect((await raw('POST', '/_localcloud/subscriptions', { 'content-type': 'text/plain', origin: EVIL }, body)).status).toBe(403)
    const seen = JSON.parse((await raw('GET', '/_localcloud/subscriptions?openid=o-victim', {})).text)
    expect(seen.consents).toEqual({})
  })

  test('a same-origin page and a program (no Origin) may use them', async () => {
    const own = await raw('POST', '/_localcloud/clock', { 'content-type': 'application/json', origin: `http://${host}` }, '{}')
    expect(own.status).toBe(200)
    expect((await advance(0)).status).toBe(200)
  })
})

describe('the client gateway', () => {
  const call = (headers: Record<string, string>, body = '{"a":1}') => raw('POST', '/api/functions/whoami', { 'x-wx-openid': 'o-mom', ...headers }, body)

  test('a page of another origin cannot call functions as anyone', async () => {
    const res = await call({ 'content-type': 'application/json', origin: EVIL })
    expect(res.status).toBe(403)
    expect(JSON.parse(res.text)).toMatchObject({ errCode: -1, code: 'FORBIDDEN_ORIGIN' })
  })

  test.each(['text/plain', 'application/x-www-form-urlencoded', ''])('content type "%s" is refused with 415', async (type) => {
    const res = await call(type ? { 'content-type': type } : {})
    expect(res.status).toBe(415)
    expect(JSON.parse(res.text)).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE' })
  })

  test('the app on its own origin, a loopback dev server, and programs are served', async () => {
    const own = await call({ 'content-type': 'application/json', origin: `http://${host}` })
    expect(own.status).toBe(200)
    expect(JSON.parse(own.text).ctx.OPENID).toBe('o-mom')
    const dev = await call({ 'content-type': 'application/json', origin: 'http://localhost:10086' })
    expect(dev.status).toBe(200)
    expect(dev.headers['access-control-allow-origin']).toBe('http://localhost:10086')
    expect((await call({ 'content-type': 'application/json; charset=utf-8' })).status).toBe(200)
  })

  test('a cross-origin form cannot upload over a stored file', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'evidence/report.txt', fileContent: Buffer.from('real report') })
    const form = multipart({ cloudPath: 'evidence/report.txt', file: 'forged' })
    const res = await raw('POST', '/api/storage/upload', { 'content-type': form.type, origin: EVIL }, form.body)
    expect(res.status).toBe(403)
    expect((await sdk.downloadFile({ fileID })).fileContent.toString()).toBe('real report')
  })
})

describe('stored files never run as pages', () => {
  const serve = async (cloudPath: string, content: string) => {
    const { fileID } = await sdk.uploadFile({ cloudPath, fileContent: Buffer.from(content) })
    const { fileList } = await sdk.getTempFileURL({ fileList: [fileID] })
    const u = new URL(fileList[0].tempFileURL)
    return raw('GET', `${u.pathname}${u.search}`, {})
  }

  test.each([
    ['page.html', '<script>fetch("/admin")</script>'],
    ['logo.svg', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ['feed.xml', '<?xml version="1.0"?><x/>'],
    ['app.js', 'alert(1)'],
    ['noext', '<html><script>alert(1)</script></html>'],
  ])('%s is a download, not a page', async (name, content) => {
    const res = await serve(`uploads/${name}`, content)
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('application/octet-stream')
    expect(res.headers['content-disposition']).toMatch(/^attachment;/)
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['content-security-policy']).toContain('sandbox')
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
    expect(res.text).toBe(content)
  })

  test("the export's readable page, which only functions write, opens as a page: styled, but no script runs and nothing loads", async () => {
    const res = await serve('exports/o-mom/2026-11-28T10-00-00-000Z/summary.html', '<style>h1{color:red}</style><h1>我的数据</h1>')
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-disposition']).toMatch(/^inline;/)
    const csp = res.headers['content-security-policy']
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("style-src 'unsafe-inline'")
    expect(csp).toContain('sandbox')
    expect(csp).not.toContain('allow-scripts')
    expect(csp).not.toContain('allow-same-origin')
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })

  test('a client cannot upload into the functions-only folder, so nothing of hers opens as a page', async () => {
    const form = multipart({ cloudPath: 'exports/o-mom/x/summary.html', file: '<script>fetch("/admin")</script>' })
    const res = await raw('POST', '/api/storage/upload', { 'content-type': form.type, host, 'x-wx-openid': 'o-mom' }, form.body)
    expect(res.status).toBe(403)
    const elsewhere = multipart({ cloudPath: 'diary/x/summary.html', file: '<script>fetch("/admin")</script>' })
    expect((await raw('POST', '/api/storage/upload', { 'content-type': elsewhere.type, host, 'x-wx-openid': 'o-mom' }, elsewhere.body)).status).toBe(200)
  })

  test('a picture keeps its type for <img>, without CORS', async () => {
    const res = await serve('uploads/photo.png', 'png-bytes')
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['content-disposition']).toBeUndefined()
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('temp URLs and upload signatures expire', () => {
  test(`maxAge is capped at ${MAX_AGE_SEC} s, so a URL asked for 10^15 s dies after a day`, async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'caps/a.txt', fileContent: Buffer.from('a') })
    const { fileList } = await sdk.getTempFileURL({ fileList: [{ fileID, maxAge: 1e15 }] })
    expect(fileList[0].maxAge).toBe(MAX_AGE_SEC)
    const u = new URL(fileList[0].tempFileURL)
    expect((await raw('GET', `${u.pathname}${u.search}`, {})).status).toBe(200)
    await advance((MAX_AGE_SEC + 1) * 1000)
    try {
      const late = await raw('GET', `${u.pathname}${u.search}`, {})
      expect(late.status).toBe(403)
      expect(late.text).toContain('Request has expired')
    } finally {
      await advance(-(MAX_AGE_SEC + 1) * 1000)
    }
  })

  test('the gateway caps maxAge the same way', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'caps/b.txt', fileContent: Buffer.from('b') })
    const res = await raw('POST', '/api/storage/temp-urls', { 'content-type': 'application/json' }, JSON.stringify({ fileList: [{ fileID, maxAge: 1e15 }] }))
    expect(JSON.parse(res.text).fileList[0].maxAge).toBe(MAX_AGE_SEC)
  })

  test(`an upload URL is accepted for ${UPLOAD_SIGNATURE_SEC} s of localcloud time, then refused`, async () => {
    const meta = async () => {
      const res = await raw('POST', '/admin', { 'content-type': 'application/json' }, JSON.stringify({ action: 'storage.getUploadMetadata', path: 'late/x.txt', method: 'put' }))
      return JSON.parse(res.text).data as { url: string; authorization: string }
    }
    const put = (m: { url: string; authorization: string }, body: string) => raw('PUT', new URL(m.url).pathname, { authorization: m.authorization }, body)
    const old = await meta()
    await advance((UPLOAD_SIGNATURE_SEC + 1) * 1000)
    try {
      const late = await put(old, 'late bytes')
      expect(late.status).toBe(403)
      expect(late.text).toContain('<Message>Request has expired</Message>')
      // pushing the expiry forward breaks the signature
      const [expires, sig] = old.authorization.split('.')
      const stretched = await put({ ...old, authorization: `${Number(expires) + 10_000}.${sig}` }, 'late bytes')
      expect(stretched.text).toContain('<Code>SignatureDoesNotMatch</Code>')
      expect((await put(await meta(), 'fresh bytes')).status).toBe(200)
    } finally {
      await advance(-(UPLOAD_SIGNATURE_SEC + 1) * 1000)
    }
  })
})

describe('one localcloud per data directory', () => {
  test('a second start in the same process is refused, naming the directory and the holder', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-lock-'))
    const first = await startLocalCloud({ port: 0, dataDir, manifest: { collections: [] }, services: [] })
    try {
      const second = startLocalCloud({ port: 0, dataDir, manifest: { collections: [] }, services: [] })
      await expect(second).rejects.toBeInstanceOf(DataDirInUseError)
      await expect(second).rejects.toThrow(`${dataDir} is in use by another localcloud (pid ${process.pid})`)
      expect((await fetch(`${first.url}/_localcloud/health`)).status).toBe(200)
    } finally {
      await first.close()
    }
    const again = await startLocalCloud({ port: 0, dataDir, manifest: { collections: [] }, services: [] })
    await again.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('the CLI refuses a directory in use and exits non-zero; a kill -9 leaves no stale lock', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-lock-'))
    const cli = (): { exit: Promise<number | null>; stderr: () => string; listening: Promise<void>; kill: () => void } => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'localcloud', 'cli.ts'), '--port', '0', '--data', dataDir], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let err = ''
      child.stderr!.on('data', (c) => (err += c))
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
      const listening = new Promise<void>((resolve, reject) => {
        child.stdout!.on('data', (c) => String(c).includes('localcloud listening on') && resolve())
        exit.then(() => reject(new Error(`exited: ${err}`)))
      })
      listening.catch(() => {})
      return { exit, stderr: () => err, listening, kill: () => child.kill('SIGKILL') }
    }
    const holder = await startLocalCloud({ port: 0, dataDir, manifest: { collections: [] }, services: [] })
    try {
      const refused = cli()
      expect(await refused.exit).not.toBe(0)
      expect(refused.stderr()).toContain(`cannot start: the data directory ${dataDir} is in use by another localcloud (pid ${process.pid})`)
    } finally {
      await holder.close()
    }
    const crashed = cli()
    await crashed.listening
    crashed.kill()
    await crashed.exit
    const restarted = await startLocalCloud({ port: 0, dataDir, manifest: { collections: [] }, services: [] })
    await restarted.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  test('only loopback addresses can be bound', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-lock-'))
    await expect(startLocalCloud({ port: 0, dataDir, host: '0.0.0.0', services: [] })).rejects.toThrow('loopback addresses only')
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
})
