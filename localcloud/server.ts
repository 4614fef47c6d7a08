// The HTTP front of localcloud: one `POST /admin` endpoint routed by the body's `action` (as the
// real service is), raw routes for everything else (byte transfers, multipart, the client
// gateway), and two control routes of its own: `POST /_localcloud/clock`, `GET /_localcloud/health`.
//
// Error channel: an action that throws an object with a string `code` is answered HTTP 200
// `{ code, message, requestId }`, which wx-server-sdk turns into its errCode/errMsg; any other
// thrown error is answered as SYS_ERR. Nothing a request does can crash the server.
//
// Before any route runs, guard.ts decides who may reach it (loopback Host, no foreign Origin, JSON
// where JSON is due) and body.ts bounds what a body may cost (size, nesting). One localcloud per
// data directory (datadir-lock.ts).
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { BodyError, ADMIN_JSON_LIMIT, readJsonBody } from './body'
import { createClock, type LocalClock } from './clock'
import { lockDataDir, type DataDirLock } from './datadir-lock'
import { createDatabaseService, type DatabaseService } from './database'
import { functionsService, getFunctionsRuntime, WORKER_TOKEN_FIELD } from './functions'
import { gatewayService } from './gateway'
import { isJsonType, isLoopbackName, refuseAdmin, refuseControl, refuseHost, refuseStorageWrite, type Refusal } from './guard'
import { openapiService } from './openapi'
import { storageService } from './storage'
import { loadManifest, type Manifest } from './manifest'
import { applySeed, type SeedFunction } from './seed'
import type { AdminAction, RawRoute, Service, ServiceContext } from './service'
import { Store } from './store'

export type ServiceFactory = (ctx: ServiceContext, deps: { store: Store }) => Service | Promise<Service>

/**
 * Services started besides the database, in order (functions, storage, openapi, client gateway).
 * Append factories here; each gets the ServiceContext and may register actions and raw routes.
 */
export const extraServiceFactories: ServiceFactory[] = [
  // (functions, storage, openapi and gateway factories are appended here)
  ctx => functionsService(ctx),
  ctx => storageService(ctx),
  ctx => openapiService(ctx),
  ctx => gatewayService(ctx),
]

export interface StartOptions {
  port: number
  dataDir: string
  env?: string
  /** a seed name (localcloud/seeds/<name>.ts) or a function run with the store after the manifest is applied */
  seed?: string | SeedFunction
  /** services to start instead of `extraServiceFactories` */
  services?: ServiceFactory[]
  /** a manifest object, or a path to one; default domain/collections.manifest.json */
  manifest?: Manifest | string
  /** open transactions expire after this much clock time (default 10 s) */
  transactionTtlMs?: number
  /** a loopback address only (default 127.0.0.1): the gateway trusts whoever names an openid */
  host?: string
}

export interface LocalCloud {
  url: string
  port: number
  clock: LocalClock
  /** the database service, for in-process tests (e.g. `database.barrier(...)` to force a race) */
  database: DatabaseService
  close(): Promise<void>
}

export const DB_FILE = 'localcloud.sqlite'

export async function startLocalCloud(options: StartOptions): Promise<LocalCloud> {
  const host = options.host ?? '127.0.0.1'
  if (!isLoopbackName(host.includes(':') ? `[${host}]` : host)) throw new Error(`localcloud binds loopback addresses only, not ${host}`)
  const env = options.env ?? 'local-env'
  const dataDir = path.resolve(options.dataDir)
  fs.mkdirSync(dataDir, { recursive: true })
  const clock = createClock()
  let baseUrl = ''
  const ctx: ServiceContext = { env, baseUrl: () => baseUrl, clock, dataDir }

  const lock = lockDataDir(dataDir)
  let store: Store
  try {
    store = new Store(path.join(dataDir, DB_FILE))
  } catch (err) {
    lock.release()
    throw err
  }
  const services: Service[] = []
  const server = http.createServer()
  // The SDK keeps connections alive and reuses one after any idle time; with Node's 5 s default the
  // server may close a socket just as the SDK sends on it ("socket hang up"). Outlive the client.
  server.keepAliveTimeout = 65_000
  server.headersTimeout = 66_000
  try {
    const manifest = typeof options.manifest === 'object' ? options.manifest : loadManifest(options.manifest)
    for (const spec of manifest.collections) store.ensureCollection(spec)
    if (typeof options.seed === 'function') await options.seed(store)
    else if (options.seed) await applySeed(options.seed, store)

    services.push(createDatabaseService(ctx, { store, transactionTtlMs: options.transactionTtlMs }))
    for (const factory of options.services ?? extraServiceFactories) services.push(await factory(ctx, { store }))

    const actions = new Map<string, AdminAction>()
    const routes: RawRoute[] = []
    for (const service of services) {
      for (const [name, action] of Object.entries(service.actions ?? {})) {
        if (actions.has(name)) throw new Error(`action ${name} is registered twice (service ${service.name})`)
        actions.set(name, action)
      }
      routes.push(...(service.routes ?? []))
    }

    server.on('request', (req, res) => {
      handle(req, res).catch(err => {
        // a client's mistake (body too large or too deep, a malformed %-escape) is a 4xx, not our failure
        const client = clientError(err)
        if (!client) console.error('[localcloud] request failed:', err)
        if (res.headersSent) return void res.end()
        const { status, code, message } = client ?? { status: 500, code: 'SYS_ERR', message: String((err as Error)?.message ?? err) }
        sendJson(res, status, { code, message })
      })
    })

    async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
      let url: URL
      try {
        url = new URL(req.url ?? '/', baseUrl || 'http://127.0.0.1')
      } catch {
        return refuse(req, res, { status: 400, code: 'INVALID_PARAM', message: 'malformed request URL' })
      }
      const refusal = refuseHost(req) ?? refuseByPath(req, url.pathname)
      if (refusal) return refuse(req, res, refusal)
      // Function workers call through `/admin/w/<token>`, so actions know which invocation called.
      const admin = /^\/admin(?:\/w\/([A-Za-z0-9]+))?$/.exec(url.pathname)
      if (req.method === 'POST' && admin && isJsonType(req)) {
        const body = asObject(await readJsonBody(req, ADMIN_JSON_LIMIT))
        if (admin[1]) body[WORKER_TOKEN_FIELD] = admin[1]
        sendJson(res, 200, await dispatch(actions, body, ctx))
        return
      }
      if (url.pathname === '/_localcloud/health' && req.method === 'GET') {
        sendJson(res, 200, { ok: true, env, now: new Date(clock.now()).toISOString(), services: services.map(s => s.name) })
        return
      }
      if (url.pathname === '/_localcloud/clock' && req.method === 'POST') {
        const body = asObject(await readJsonBody(req, ADMIN_JSON_LIMIT))
        if (typeof body.advanceMs === 'number') clock.advance(body.advanceMs)
        else if (typeof body.set === 'string' && !Number.isNaN(Date.parse(body.set))) clock.set(Date.parse(body.set))
        else if (body.set !== undefined || body.advanceMs !== undefined) {
          sendJson(res, 400, { code: 'INVALID_PARAM', message: 'expected { advanceMs: number } or { set: ISO-8601 }' })
          return
        }
        // timer triggers that became due run before the answer, so a test that moves the clock
        // sees their effects on its next read
        await getFunctionsRuntime(ctx)?.timersIdle()
        sendJson(res, 200, { now: new Date(clock.now()).toISOString(), offsetMs: clock.offset() })
        return
      }
      for (const route of routes) {
        if (await route(req, res, url, ctx)) return
      }
      sendJson(res, 404, { code: 'INVALID_ACTION', message: `no route for ${req.method} ${url.pathname}` })
    }

    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, host, () => {
        server.off('error', reject)
        resolve()
      })
    })
  } catch (err) {
    await closeAll(services, store, server, lock)
    throw err
  }
  const port = (server.address() as AddressInfo).port
  baseUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`

  let closing: Promise<void> | undefined
  return {
    url: baseUrl,
    port,
    clock,
    database: services[0] as DatabaseService,
    close: () => (closing ??= closeAll(services, store, server, lock)),
  }
}

/** Which guard a path answers to (the Host was checked for every path before). */
function refuseByPath(req: http.IncomingMessage, pathname: string): Refusal | null {
  if (/^\/admin(\/|$)/.test(pathname)) return refuseAdmin(req)
  if (pathname.startsWith('/_localcloud/storage/')) return refuseStorageWrite(req)
  if (pathname.startsWith('/_localcloud/')) return refuseControl(req)
  return null // the gateway guards /api itself; static files are reads
}

function asObject(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}

function refuse(req: http.IncomingMessage, res: http.ServerResponse, refusal: Refusal): void {
  // the body is not wanted; let it drain so the client reads the answer instead of a reset
  req.resume()
  sendJson(res, refusal.status, { code: refusal.code, message: refusal.message })
}

function clientError(err: unknown): Refusal | null {
  if (err instanceof BodyError) return { status: err.status, code: err.reason === 'too-large' ? 'REQUEST_TOO_LARGE' : 'INVALID_PARAM', message: err.message }
  if (err instanceof URIError) return { status: 400, code: 'INVALID_PARAM', message: 'malformed %-escape in the URL' }
  return null
}

async function closeAll(services: Service[], store: Store, server: http.Server, lock: DataDirLock): Promise<void> {
  if (server.listening) {
    await new Promise<void>(resolve => {
      server.close(() => resolve())
      server.closeAllConnections()
    })
  }
  for (const service of [...services].reverse()) {
    try {
      await service.close?.()
    } catch (err) {
      console.error(`[localcloud] closing ${service.name} failed:`, err)
    }
  }
  store.close()
  lock.release()
}

/** Routes one admin call; every failure becomes an error-channel answer, never an exception. */
export async function dispatch(actions: Map<string, AdminAction>, body: Record<string, unknown>, ctx: ServiceContext): Promise<Record<string, unknown>> {
  const requestId = crypto.randomBytes(8).toString('hex')
  const name = body.action
  const action = typeof name === 'string' ? actions.get(name) : undefined
  if (!action) return { code: 'INVALID_PARAM', message: `unknown action: ${String(name)}`, requestId }
  try {
    return { requestId, ...(await action(body, ctx)) }
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown }
    if (e && typeof e.code === 'string' && e.code) return { code: e.code, message: String(e.message ?? e.code), requestId }
    console.error(`[localcloud] ${String(name)} failed:`, err)
    return { code: 'SYS_ERR', message: String(e?.message ?? err), requestId }
  }
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
