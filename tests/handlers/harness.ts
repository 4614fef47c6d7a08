// In-process handler harness: localcloud (database + open API) runs inside the jest process and each
// function's exported `main` is called directly, with the real wx-server-sdk pointed at it. Unlike the
// integration tests (bundles in worker processes) this reaches the TypeScript sources themselves, so
// coverage and mutation testing see the router and every handler.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Envelope } from '../../domain/envelope'
import type { BarrierOptions } from '../../localcloud/database/barrier'
import type { MemberRecord } from '../../domain/member'
import { openapiService } from '../../localcloud/openapi'
import { startLocalCloud, type LocalCloud } from '../../localcloud/server'
import type { RawRoute } from '../../localcloud/service'
import { storageService } from '../../localcloud/storage'
import { sdkEnv } from '../localcloud/support'

export type Main = (event: unknown) => Promise<Envelope<unknown> | undefined>

export interface Harness {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: any
  /** the SDK itself (storage: uploadFile, getTempFileURL) */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sdk: any
  call<T = unknown>(main: Main, data: Record<string, unknown>, openid: string): Promise<Envelope<T>>
  /** call and expect success; answers the data */
  ok<T = unknown>(main: Main, data: Record<string, unknown>, openid: string): Promise<T>
  /** fires the function's timer trigger, as the platform does (no caller) */
  timer(main: Main, triggerName: string): Promise<unknown>
  seedMember(record: Partial<MemberRecord> & { openid: string }): Promise<void>
  member(openid: string): Promise<MemberRecord | null>
  count(collection: string, where?: Record<string, unknown>): Promise<number>
  /** moves the clock every handler (and localcloud) reads; it stands still until moved again */
  setNow(iso: string): void
  advance(ms: number): void
  /** she accepts the template `count` times (default once) */
  grantSubscription(openid: string, templateId: string, count?: number): Promise<void>
  outbox(touser: string): Promise<Array<{ touser: string; template_id: string; data: Record<string, { value: string }>; page?: string }>>
  /** holds the next `n` open-API calls (the content check comes first) until all `n` have arrived */
  holdOpenApi(n: number): void
  /** holds the next `count` matching database calls until all have arrived, to force a race */
  barrier(options: BarrierOptions): Promise<void>
  close(): Promise<void>
}

function pointSdkAt(url: string): void {
  Object.assign(process.env, sdkEnv(url, { openid: '' }))
}

/** A barrier for open-API requests: the first `n` wait until the n-th arrives, then all go on. */
function openApiGate(): { route: RawRoute; hold(n: number): void } {
  let waiting: Array<() => void> = []
  let expected = 0
  const route: RawRoute = async (req, _res, url) => {
    if (expected > 0 && req.method === 'POST' && url.pathname.startsWith('/admin')) {
      await new Promise<void>((resolve) => {
        waiting.push(resolve)
        if (waiting.length >= expected) {
          const all = waiting
          waiting = []
          expected = 0
          for (const go of all) go()
        }
      })
    }
    return false // never answers: the open-API route behind it does
  }
  return { route, hold: (n) => { expected = n } }
}

async function fetchJson(url: string, init?: RequestInit): Promise<unknown> {
  const res = await fetch(url, init)
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${await res.text()}`)
  return res.json()
}

// Only Date is faked: timers, I/O and the SDK's sockets run on real time.
const REAL_TIMERS = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'] as const

export async function startHarness(startAt: string): Promise<Harness> {
  jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: new Date(startAt) })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qq-handlers-'))
  const gate = openApiGate()
  const lc: LocalCloud = await startLocalCloud({
    port: 0,
    dataDir,
    services: [() => ({ name: 'gate', routes: [gate.route] }), (ctx) => openapiService(ctx), (ctx) => storageService(ctx)],
  })
  pointSdkAt(lc.url)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  const db = sdk.database()

  // The router reads the caller from the context before its first await, so setting the identity
  // and starting the call in one synchronous step keeps overlapping calls apart.
  const call = <T>(main: Main, data: Record<string, unknown>, openid: string): Promise<Envelope<T>> => {
    process.env.WX_OPENID = openid
    const pending = main(data)
    process.env.WX_OPENID = ''
    return pending as Promise<Envelope<T>>
  }

  return {
    db,
    sdk,
    call,
    async ok<T>(main: Main, data: Record<string, unknown>, openid: string) {
      const env = await call<T>(main, data, openid)
      if (!env.ok) throw new Error(`${String(data.action)} failed: ${env.error.code} ${env.error.message}`)
      return env.data
    },
    timer: (main, triggerName) => main({ Type: 'Timer', TriggerName: triggerName, Time: new Date().toISOString(), Message: '' }),
    async seedMember({ openid, ...rest }) {
      const record = { status: 'member', roles: [], tags: [], autoTags: [], manualTags: [], nickname: `妈妈${openid.slice(-4)}`, appliedAt: new Date(), ...rest }
      await db.collection('members').doc(openid).set({ data: record })
    },
    async member(openid) {
      const res = await db.collection('members').where({ _id: openid }).get()
      return res.data[0] ?? null
    },
    async count(collection, where = {}) {
      return ((await db.collection(collection).where(where).count()) as { total: number }).total
    },
    setNow: (iso) => jest.setSystemTime(new Date(iso)),
    advance: (ms) => jest.setSystemTime(Date.now() + ms),
    async grantSubscription(openid, templateId, count = 1) {
      await fetchJson(`${lc.url}/_localcloud/subscriptions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ openid, templateId, count }) })
    },
    async outbox(touser) {
      return ((await fetchJson(`${lc.url}/_localcloud/outbox?touser=${encodeURIComponent(touser)}`)) as { items: [] }).items
    },
    holdOpenApi: (n) => gate.hold(n),
    barrier: (options) => lc.database.barrier({ timeoutMs: 20_000, ...options }),
    async close() {
      await lc.close()
      jest.useRealTimers()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
