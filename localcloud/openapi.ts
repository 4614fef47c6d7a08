// Open API (cloud.openapi.*): the SDK posts multipart `action=wx.openApi` to the admin URL with a
// protobuf CommApiData and expects a protobuf CommOpenApiResp back. Implemented APIs:
// subscribeMessage.send (to a durable outbox, only with the user's consent) and
// security.msgSecCheck (from a local word list). Anything else answers -604100 "API not found".
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { decode, encode, firstBytes, firstNumber } from './protobuf'
import type { RawRoute, Service, ServiceContext } from './service'
import { getFunctionsRuntime } from './functions'
import { readBody } from './storage'

// ---------------------------------------------------------------- multipart

export interface Part {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

/** Parse a multipart/form-data body (small bodies only: it is all in memory). */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const m = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!m) throw new Error('multipart: no boundary')
  const delimiter = Buffer.from(`--${m[1] ?? m[2].trim()}`)
  const parts: Part[] = []
  let pos = body.indexOf(delimiter)
  while (pos >= 0) {
    pos += delimiter.length
    if (body.subarray(pos, pos + 2).toString() === '--') break
    if (body.subarray(pos, pos + 2).toString() === '\r\n') pos += 2
    const headerEnd = body.indexOf('\r\n\r\n', pos)
    if (headerEnd < 0) break
    const next = body.indexOf(delimiter, headerEnd + 4)
    if (next < 0) break
    const headers = body.subarray(pos, headerEnd).toString('utf8')
    const data = body.subarray(headerEnd + 4, next - 2) // drop the CRLF before the delimiter
    const disposition = /content-disposition:([^\r\n]*)/i.exec(headers)?.[1] ?? ''
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1] ?? ''
    const filename = /\bfilename="([^"]*)"/i.exec(disposition)?.[1]
    const type = /content-type:\s*([^\r\n]*)/i.exec(headers)?.[1]
    parts.push({ name, filename, contentType: type, data })
    pos = next
  }
  return parts
}

// ---------------------------------------------------------------- consent + outbox

export interface OutboxItem {
  msgid: number
  touser: string
  template_id: string
  page?: string
  data: unknown
  miniprogram_state?: string
  lang?: string
  sentAt: string
  /** the function that sent it, when sent from inside one */
  fromFunction?: string
}

export interface OpenApiStore {
  /** Record that `openid` accepted `templateId` `count` times (wx.requestSubscribeMessage → accept). */
  grant(openid: string, templateId: string, count?: number): number
  consents(openid: string): Record<string, number>
  outbox(filter?: { touser?: string; template_id?: string }): OutboxItem[]
  clearOutbox(): void
}

function atomicWrite(file: string, text: string): void {
  const tmp = `${file}.${randomBytes(4).toString('hex')}.tmp`
  fs.writeFileSync(tmp, text)
  fs.renameSync(tmp, file)
}

function createStore(dir: string, clock: ServiceContext['clock']) {
  fs.mkdirSync(dir, { recursive: true })
  const consentFile = path.join(dir, 'subscriptions.json')
  const outboxFile = path.join(dir, 'outbox.jsonl')
  let consent: Record<string, Record<string, number>> = {}
  try {
    consent = JSON.parse(fs.readFileSync(consentFile, 'utf8'))
  } catch {
    consent = {}
  }
  let nextMsgId = 1_000_000 + Math.floor(Math.random() * 1_000_000)

  const store: OpenApiStore & { take(openid: string, templateId: string): boolean; append(item: Omit<OutboxItem, 'msgid' | 'sentAt'>): OutboxItem } = {
    grant(openid, templateId, count = 1) {
      const mine = (consent[openid] ??= {})
      mine[templateId] = (mine[templateId] ?? 0) + Math.max(0, Math.floor(count))
      atomicWrite(consentFile, JSON.stringify(consent))
      return mine[templateId]
    },
    consents: (openid) => ({ ...(consent[openid] ?? {}) }),
    take(openid, templateId) {
      const left = consent[openid]?.[templateId] ?? 0
      if (left <= 0) return false
      consent[openid][templateId] = left - 1
      atomicWrite(consentFile, JSON.stringify(consent))
      return true
    },
    append(item) {
      const full: OutboxItem = { msgid: nextMsgId++, ...item, sentAt: new Date(clock.now()).toISOString() }
      // append + fsync: a send the SDK saw succeed is on disk
      const fd = fs.openSync(outboxFile, 'a')
      try {
        fs.writeSync(fd, `${JSON.stringify(full)}\n`)
        fs.fsyncSync(fd)
      } finally {
        fs.closeSync(fd)
      }
      return full
    },
    outbox(filter = {}) {
      let lines: string[] = []
      try {
        lines = fs.readFileSync(outboxFile, 'utf8').split('\n').filter(Boolean)
      } catch {
        lines = []
      }
      return lines
        .map((l) => JSON.parse(l) as OutboxItem)
        .filter((i) => (!filter.touser || i.touser === filter.touser) && (!filter.template_id || i.template_id === filter.template_id))
    },
    clearOutbox() {
      atomicWrite(outboxFile, '')
    },
  }
  return store
}

// ---------------------------------------------------------------- content check

export interface SensitiveWord { word: string; label: number }

/** `word label` per line (label defaults to 21000 "other"); `#` starts a comment. */
export function loadWordList(file: string): SensitiveWord[] {
  let text = ''
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return []
  }
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter(Boolean)
    .map((l) => {
      const [word, label] = l.split(/\s+/)
      return { word: word.toLowerCase(), label: Number(label) || 21000 }
    })
}

function traceId(): string {
  return `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`
}

// ---------------------------------------------------------------- the service

type WxAnswer = { json: Record<string, unknown> } | { systemError: number }
interface Call { params: Record<string, unknown>; fromFunction?: string }

export interface OpenApiOptions {
  sensitiveWordsFile?: string
  /**
   * Refuse APIs a function did not declare in its config.json `permissions.openapi`, as the real
   * platform does (-604101). Calls from outside a function are always allowed.
   */
  enforcePermissions?: boolean
  /** Which function a worker token belongs to; defaults to asking the functions service. */
  callerOf?: (workerToken: string) => { name: string; dir: string } | undefined
}

const registry = new WeakMap<ServiceContext, OpenApiStore>()

export function getOpenApiStore(ctx: ServiceContext): OpenApiStore | undefined {
  return registry.get(ctx)
}

const API_NOT_FOUND = -604100
const NO_PERMISSION = -604101

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' })
  res.end(JSON.stringify(body))
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const text = (await readBody(req, 1024 * 1024)).toString('utf8')
  const v = text ? JSON.parse(text) : {}
  return v && typeof v === 'object' ? v : {}
}

function declaredOpenApis(dir: string): string[] {
  try {
    const config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))
    return Array.isArray(config?.permissions?.openapi) ? config.permissions.openapi.map(String) : []
  } catch {
    return []
  }
}

export function openapiService(ctx: ServiceContext, options: OpenApiOptions = {}): Service & { store: OpenApiStore } {
  const store = createStore(path.join(ctx.dataDir, 'openapi'), ctx.clock)
  const wordsFile = options.sensitiveWordsFile ?? path.join(__dirname, 'sensitive-words.txt')
  registry.set(ctx, store)

  const apis: Record<string, (call: Call) => WxAnswer> = {
    'subscribeMessage.send'({ params, fromFunction }) {
      const touser = typeof params.touser === 'string' ? params.touser : ''
      const templateId = typeof params.template_id === 'string' ? params.template_id : ''
      if (!touser) return { json: { errcode: 40003, errmsg: 'invalid openid' } }
      if (!templateId) return { json: { errcode: 40037, errmsg: 'invalid template_id' } }
      if (!params.data || typeof params.data !== 'object') return { json: { errcode: 47003, errmsg: 'argument invalid! data is empty' } }
      const state = params.miniprogram_state
      if (state !== undefined && !['developer', 'trial', 'formal'].includes(String(state))) {
        return { json: { errcode: 47003, errmsg: 'argument invalid! miniprogram_state invalid' } }
      }
      if (!store.take(touser, templateId)) return { json: { errcode: 43101, errmsg: 'user refuse to accept the msg' } }
      const item = store.append({
        touser,
        template_id: templateId,
        page: typeof params.page === 'string' ? params.page : undefined,
        data: params.data,
        miniprogram_state: typeof state === 'string' ? state : undefined,
        lang: typeof params.lang === 'string' ? params.lang : undefined,
        fromFunction,
      })
      return { json: { errcode: 0, errmsg: 'ok', msgid: item.msgid } }
    },
    // The weapp phone-number button hands the app a one-time code. Locally a code of the form
    // `dev-phone-<11 digits>` stands for that number; any other code is invalid, as an expired one is.
    'phonenumber.getPhoneNumber'({ params }) {
      const m = /^dev-phone-(1\d{10})$/.exec(typeof params.code === 'string' ? params.code : '')
      if (!m) return { json: { errcode: 40029, errmsg: 'invalid code' } }
      const watermark = { timestamp: Math.floor(ctx.clock.now() / 1000), appid: 'wx-local-app' }
      return { json: { errcode: 0, errmsg: 'ok', phone_info: { phoneNumber: m[1], purePhoneNumber: m[1], countryCode: '86', watermark } } }
    },
    'security.msgSecCheck'({ params }) {
      const content = typeof params.content === 'string' ? params.content : ''
      if (!content) return { json: { errcode: 47001, errmsg: 'data format error' } }
      const haystack = [content, params.title, params.nickname, params.signature].filter((s) => typeof s === 'string').join('\n').toLowerCase()
      const hits = loadWordList(wordsFile).filter((w) => haystack.includes(w.word))
      if (Number(params.version) !== 2) {
        // the legacy v1 check answers only pass / 87014
        return { json: hits.length ? { errcode: 87014, errmsg: 'risky content' } : { errcode: 0, errmsg: 'ok' } }
      }
      if (!params.openid) return { json: { errcode: 40003, errmsg: 'invalid openid' } }
      if (![1, 2, 3, 4].includes(Number(params.scene))) return { json: { errcode: 40097, errmsg: 'invalid args' } }
      const label = hits.length ? hits[0].label : 100
      const suggest = hits.length ? 'risky' : 'pass'
      const detail: Array<Record<string, unknown>> = [{ strategy: 'content_model', errcode: 0, suggest, label, prob: hits.length ? 90 : 0 }]
      for (const h of hits) detail.push({ strategy: 'keyword', errcode: 0, suggest: 'risky', label: h.label, level: 90, keyword: h.word })
      return { json: { errcode: 0, errmsg: 'ok', result: { suggest, label }, detail, trace_id: traceId() } }
    },
  }

  function reply(res: ServerResponse, answer: WxAnswer): void {
    const pb = 'systemError' in answer
      ? encode([[3, answer.systemError], [4, 200]])
      : encode([[1, Buffer.from(JSON.stringify(answer.json))], [2, 'application/json'], [4, 200]])
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(pb.length) })
    res.end(pb)
  }

  const wxOpenApiRoute: RawRoute = async (req, res, url) => {
    const m = /^\/admin(?:\/w\/([A-Za-z0-9]+))?$/.exec(url.pathname)
    if (req.method !== 'POST' || !m || !/multipart\/form-data/i.test(String(req.headers['content-type'] ?? ''))) return false
    let parts: Part[]
    try {
      parts = parseMultipart(await readBody(req), String(req.headers['content-type']))
    } catch (err) {
      // the TCB-level channel: JSON with exactly this content type
      sendJson(res, 200, { code: 'INVALID_PARAM', message: `bad multipart body: ${(err as Error).message}`, requestId: 'localcloud' })
      return true
    }
    const field = (name: string) => parts.find((p) => p.name === name)
    const action = field('action')?.data.toString('utf8')
    if (action !== 'wx.openApi') {
      sendJson(res, 200, { code: 'INVALID_PARAM', message: `unsupported action ${action}`, requestId: 'localcloud' })
      return true
    }
    const apiName = field('apiName')?.data.toString('utf8') ?? ''
    let params: Record<string, unknown>
    try {
      const data = decode(field('requestData')?.data ?? Buffer.alloc(0))
      if (firstNumber(data, 1) !== undefined && firstNumber(data, 1) !== 0) throw new Error('only OPEN_API requests are supported')
      const openapiData = decode(firstBytes(data, 2) ?? Buffer.alloc(0))
      params = {}
      for (const pair of openapiData.get(1) ?? []) {
        const kv = decode(pair as Buffer)
        const key = firstBytes(kv, 1)?.toString('utf8') ?? ''
        const raw = firstBytes(kv, 2)?.toString('utf8') ?? 'null'
        params[key] = JSON.parse(raw)
      }
    } catch (err) {
      sendJson(res, 200, { code: 'INVALID_PARAM', message: `bad requestData: ${(err as Error).message}`, requestId: 'localcloud' })
      return true
    }
    const handler = apis[apiName]
    if (!handler) {
      reply(res, { systemError: API_NOT_FOUND })
      return true
    }
    const callerOf = options.callerOf ?? ((token: string) => getFunctionsRuntime(ctx)?.callerOf(token))
    const caller = m[1] ? callerOf(m[1]) : undefined
    if (caller && options.enforcePermissions !== false && !declaredOpenApis(caller.dir).includes(apiName)) {
      reply(res, { systemError: NO_PERMISSION })
      return true
    }
    reply(res, handler({ params, fromFunction: caller?.name }))
    return true
  }

  const controlRoute: RawRoute = async (req, res, url) => {
    if (url.pathname === '/_localcloud/subscriptions') {
      if (req.method === 'POST') {
        const body = await readJson(req)
        const openid = typeof body.openid === 'string' ? body.openid : ''
        const ids = Array.isArray(body.templateIds) ? body.templateIds.map(String) : typeof body.templateId === 'string' ? [body.templateId] : []
        if (!openid || ids.length === 0) {
          sendJson(res, 400, { error: 'openid and templateId (or templateIds) are required' })
          return true
        }
        const count = body.count === undefined ? 1 : Number(body.count)
        for (const id of ids) store.grant(openid, id, count)
        sendJson(res, 200, { openid, consents: store.consents(openid) })
        return true
      }
      if (req.method === 'GET') {
        const openid = url.searchParams.get('openid') ?? ''
        sendJson(res, 200, { openid, consents: store.consents(openid) })
        return true
      }
    }
    if (url.pathname === '/_localcloud/outbox') {
      if (req.method === 'GET') {
        const filter = { touser: url.searchParams.get('touser') ?? undefined, template_id: url.searchParams.get('template_id') ?? undefined }
        sendJson(res, 200, { items: store.outbox(filter) })
        return true
      }
      if (req.method === 'DELETE') {
        store.clearOutbox()
        sendJson(res, 200, { items: [] })
        return true
      }
    }
    return false
  }

  return {
    name: 'openapi',
    store,
    routes: [wxOpenApiRoute, controlRoute],
    async close() {
      registry.delete(ctx)
    },
  }
}
