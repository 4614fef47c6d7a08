// Client gateway for the H5 build (development only): lets a browser do what the mini-program
// client does through WeChat — call functions as a user, upload files, get temp URLs and accept
// subscribe messages. The identity is whatever the `x-wx-openid` header says, so the gateway
// answers loopback clients only, and only pages of its own origin or a loopback dev server
// (guard.ts): a page of another origin cannot act as anyone.
//
// Refusals made before a function runs (not JSON, too large, nested too deep, a bad function
// name) are HTTP 4xx in the real client's failure shape `{ errCode, code, errMsg }`, never the
// function's own envelope: on the platform they fail in transit, and no function was asked.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { BodyError, GATEWAY_JSON_LIMIT, readBody, readJsonBody, UPLOAD_LIMIT } from './body'
import { ERR_EXECUTE_FAIL, ERR_INVALID_PARAM, ERR_NOT_FOUND, ERR_TIME_LIMIT, FunctionError, getFunctionsRuntime } from './functions'
import { refuseGateway } from './guard'
import { getOpenApiStore, parseMultipart } from './openapi'
import type { RawRoute, Service, ServiceContext } from './service'
import { clientMayWrite, getStorage, normalizeCloudPath } from './storage'

export interface GatewayOptions {
  /** APPID functions see for gateway calls (header `x-wx-appid` overrides) */
  appid?: string
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1'])

/** How the real mini-program client words a failed callFunction (code, numeric code, description). */
const CLIENT_ERRORS: Record<string, { status: number; errCode: number; text: string }> = {
  [ERR_NOT_FOUND]: { status: 404, errCode: -501000, text: '' },
  [ERR_EXECUTE_FAIL]: { status: 500, errCode: -504002, text: 'functions execute fail' },
  [ERR_TIME_LIMIT]: { status: 504, errCode: -504003, text: 'functions time limit exceeded' },
  [ERR_INVALID_PARAM]: { status: 400, errCode: -501007, text: 'invalid parameters' },
}

/** A refusal before any function ran: the caller's input was wrong (-501007 invalid parameters). */
function callFailure(api: string, status: number, code: string, message: string): { status: number; body: object } {
  return { status, body: { errCode: -501007, code, errMsg: `${api}:fail Error: errCode: -501007 invalid parameters | errMsg: ${message}` } }
}

function isLoopback(req: IncomingMessage): boolean {
  return LOOPBACK.has(req.socket.remoteAddress ?? '')
}

/** A dev server on another loopback port (Taro's) may call us; nothing else may. */
function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = String(req.headers.origin ?? '')
  if (!/^https?:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(origin)) return {}
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, GET, OPTIONS',
    'access-control-allow-headers': 'content-type, x-wx-openid, x-wx-appid',
    vary: 'origin',
  }
}

function send(req: IncomingMessage, res: ServerResponse, status: number, body: string | object): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...corsHeaders(req) })
  res.end(text)
}

function header(req: IncomingMessage, name: string): string | undefined {
  const v = req.headers[name]
  const s = Array.isArray(v) ? v[0] : v
  return s ? s.trim() : undefined
}

/** Reads the JSON body, or answers the refusal and returns undefined. */
async function jsonBodyOrRefuse(req: IncomingMessage, res: ServerResponse, api: string): Promise<{ value: unknown } | undefined> {
  try {
    return { value: await readJsonBody(req, GATEWAY_JSON_LIMIT) }
  } catch (err) {
    if (!(err instanceof BodyError)) throw err
    const failure = callFailure(api, err.status, err.status === 413 ? 'REQUEST_TOO_LARGE' : ERR_INVALID_PARAM, err.message)
    send(req, res, failure.status, failure.body)
    return undefined
  }
}

export function gatewayService(ctx: ServiceContext, options: GatewayOptions = {}): Service {
  const callFunction = async (req: IncomingMessage, res: ServerResponse, name: string) => {
    const runtime = getFunctionsRuntime(ctx)
    if (!runtime) return send(req, res, 503, { errCode: -1, errMsg: 'cloud.callFunction:fail the functions service is not running' })
    const body = await jsonBodyOrRefuse(req, res, 'cloud.callFunction')
    if (!body) return
    const data = body.value
    const identity = { openid: header(req, 'x-wx-openid'), appid: header(req, 'x-wx-appid') ?? options.appid ?? 'wx-local-app' }
    try {
      // The function's return value, as JSON, is the whole answer (the stand-in wraps it in { result }).
      return send(req, res, 200, await runtime.invokeJson(name, data ?? {}, identity))
    } catch (err) {
      if (!(err instanceof FunctionError)) throw err
      const known = CLIENT_ERRORS[err.code] ?? { status: 500, errCode: -1, text: err.code }
      const errMsg = `cloud.callFunction:fail Error: errCode: ${known.errCode} ${known.text} | errMsg: ${err.message}`
      return send(req, res, known.status, { errCode: known.errCode, code: err.code, errMsg })
    }
  }

  const upload = async (req: IncomingMessage, res: ServerResponse, url: URL) => {
    const storage = getStorage(ctx)
    if (!storage) return send(req, res, 503, { errCode: -1, errMsg: 'cloud.uploadFile:fail the storage service is not running' })
    const type = String(req.headers['content-type'] ?? '')
    let body: Buffer
    try {
      body = await readBody(req, UPLOAD_LIMIT)
    } catch (err) {
      if (!(err instanceof BodyError)) throw err
      return send(req, res, 413, { errCode: -1, errMsg: `cloud.uploadFile:fail ${err.message}` })
    }
    let cloudPath = url.searchParams.get('cloudPath') ?? ''
    let bytes = body
    if (/multipart\/form-data/i.test(type)) {
      const parts = parseMultipart(body, type)
      const file = parts.find((p) => p.name === 'file') ?? parts.find((p) => p.filename !== undefined)
      cloudPath = parts.find((p) => p.name === 'cloudPath')?.data.toString('utf8') ?? cloudPath
      if (!file) return send(req, res, 400, { errCode: -1, errMsg: 'cloud.uploadFile:fail no file part' })
      bytes = file.data
    }
    const normalized = normalizeCloudPath(cloudPath)
    if (!normalized) return send(req, res, 400, { errCode: -1, errMsg: 'cloud.uploadFile:fail invalid cloudPath' })
    // what is stored there opens as a page (see storage.ts): only functions write it
    if (!clientMayWrite(normalized)) return send(req, res, 403, { errCode: -1, errMsg: 'cloud.uploadFile:fail permission denied' })
    return send(req, res, 200, { fileID: storage.put(normalized, bytes), statusCode: 200, errMsg: 'cloud.uploadFile:ok' })
  }

  const tempUrls = async (req: IncomingMessage, res: ServerResponse) => {
    const storage = getStorage(ctx)
    if (!storage) return send(req, res, 503, { errCode: -1, errMsg: 'cloud.getTempFileURL:fail the storage service is not running' })
    const got = await jsonBodyOrRefuse(req, res, 'cloud.getTempFileURL')
    if (!got) return
    const body = (got.value ?? {}) as { fileList?: unknown }
    if (!Array.isArray(body.fileList)) return send(req, res, 400, { errCode: -1, errMsg: 'cloud.getTempFileURL:fail fileList must be an array' })
    const list = body.fileList.map((f) =>
      typeof f === 'string' ? { fileID: f } : { fileID: String((f as { fileID?: unknown })?.fileID ?? ''), maxAge: (f as { maxAge?: number })?.maxAge },
    )
    const fileList = storage.tempUrls(list).map((item) =>
      item.code === 'SUCCESS'
        ? { fileID: item.fileID, tempFileURL: item.tempFileURL, maxAge: item.maxAge, status: 0, errMsg: 'ok' }
        : { fileID: item.fileID, tempFileURL: '', maxAge: 0, status: -503003, errMsg: 'STORAGE_FILE_NONEXIST' },
    )
    return send(req, res, 200, { fileList, errMsg: 'cloud.getTempFileURL:ok' })
  }

  const subscribe = async (req: IncomingMessage, res: ServerResponse) => {
    const store = getOpenApiStore(ctx)
    const openid = header(req, 'x-wx-openid')
    if (!store) return send(req, res, 503, { errMsg: 'requestSubscribeMessage:fail the openapi service is not running' })
    if (!openid) return send(req, res, 401, { errMsg: 'requestSubscribeMessage:fail no user (x-wx-openid)' })
    const got = await jsonBodyOrRefuse(req, res, 'requestSubscribeMessage')
    if (!got) return
    const body = (got.value ?? {}) as { tmplIds?: unknown; decisions?: Record<string, string> }
    const ids = Array.isArray(body.tmplIds) ? body.tmplIds.map(String) : []
    if (ids.length === 0) return send(req, res, 400, { errCode: 20001, errMsg: 'requestSubscribeMessage:fail No template data return, verify the template id exist' })
    const out: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' }
    for (const id of ids) {
      const decision = body.decisions?.[id] ?? 'accept'
      if (decision === 'accept') store.grant(openid, id, 1)
      out[id] = decision
    }
    return send(req, res, 200, out)
  }

  const route: RawRoute = async (req, res, url) => {
    if (!url.pathname.startsWith('/api/')) return false
    if (!isLoopback(req)) {
      send(req, res, 403, { errCode: -1, errMsg: 'localcloud gateway: loopback clients only' })
      return true
    }
    if (req.method === 'OPTIONS') {
      res.writeHead(204, corsHeaders(req))
      res.end()
      return true
    }
    if (req.method !== 'POST') return false
    const refusal = refuseGateway(req, url.pathname)
    if (refusal) {
      req.resume()
      send(req, res, refusal.status, { errCode: -1, code: refusal.code, errMsg: `localcloud gateway: ${refusal.message}` })
      return true
    }
    const fn = /^\/api\/functions\/([^/]+)$/.exec(url.pathname)
    if (fn) {
      let name: string
      try {
        name = decodeURIComponent(fn[1])
      } catch {
        req.resume()
        const failure = callFailure('cloud.callFunction', 400, ERR_INVALID_PARAM, 'malformed %-escape in the function name')
        send(req, res, failure.status, failure.body)
        return true
      }
      await callFunction(req, res, name)
    }
    else if (url.pathname === '/api/storage/upload') await upload(req, res, url)
    else if (url.pathname === '/api/storage/temp-urls') await tempUrls(req, res)
    else if (url.pathname === '/api/subscriptions') await subscribe(req, res)
    else return false
    return true
  }

  return { name: 'gateway', routes: [route] }
}
