// Integration harness: a real localcloud (on a free port, a fresh data folder, the collection
// manifest) running the built functions; calls go through the client gateway as a given openid,
// seeding and inspection through the real wx-server-sdk in this process.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Envelope } from '../../domain/envelope'
import type { MemberRecord } from '../../domain/member'
import type { BarrierOptions } from '../../localcloud/database/barrier'
import { startLocalCloud, type LocalCloud } from '../../localcloud/server'
import { sdkEnv } from '../localcloud/support'

export interface TestCloud {
  url: string
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  db: any
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  sdk: any
  call<T = unknown>(fn: string, data: Record<string, unknown>, openid: string): Promise<Envelope<T>>
  /** call and expect success; answers the data */
  ok<T = unknown>(fn: string, data: Record<string, unknown>, openid: string): Promise<T>
  seedMember(record: Partial<MemberRecord> & { openid: string }): Promise<void>
  member(openid: string): Promise<MemberRecord | null>
  advanceClock(ms: number): Promise<void>
  setClock(iso: string): Promise<void>
  grantSubscription(openid: string, templateId: string, count?: number): Promise<void>
  outbox(touser?: string): Promise<Array<{ touser: string; template_id: string; data: unknown; page?: string }>>
  /**
   * Forces a race: holds the next `count` matching database calls (from any function) until all have
   * arrived, then answers them together. Resolves on release; rejects when too few arrive in time.
   * At most 4 calls of one function run at once (localcloud's workers per function), so `count` ≤ 4
   * for calls of one function.
   */
  barrier(options: BarrierOptions): Promise<void>
  close(): Promise<void>
}

function pointSdkAt(url: string): void {
  Object.assign(process.env, sdkEnv(url, { openid: 'test-admin-process' }))
}

async function postJson(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) })
  const text = await res.text()
  if (!res.ok) throw new Error(`${url} answered ${res.status}: ${text}`)
  return text ? JSON.parse(text) : undefined
}

export async function startCloud(): Promise<TestCloud> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qq-it-'))
  const lc: LocalCloud = await startLocalCloud({ port: 0, dataDir })
  pointSdkAt(lc.url)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('wx-server-sdk')
  sdk.init({ env: sdk.DYNAMIC_CURRENT_ENV })
  const db = sdk.database()

  const call = <T>(fn: string, data: Record<string, unknown>, openid: string) =>
    postJson(`${lc.url}/api/functions/${fn}`, data, { 'x-wx-openid': openid }) as Promise<Envelope<T>>

  const cloud: TestCloud = {
    url: lc.url,
    db,
    sdk,
    call,
    async ok<T>(fn: string, data: Record<string, unknown>, openid: string) {
      const env = await call<T>(fn, data, openid)
      if (!env.ok) throw new Error(`${fn}.${String(data.action)} failed: ${env.error.code} ${env.error.message}`)
      return env.data
    },
    async seedMember({ openid, ...rest }) {
      const record = { status: 'member', roles: [], tags: [], autoTags: [], manualTags: [], nickname: `妈妈${openid.slice(-4)}`, appliedAt: new Date(), ...rest }
      await db.collection('members').doc(openid).set({ data: record })
    },
    async member(openid) {
      const res = await db.collection('members').where({ _id: openid }).get()
      return res.data[0] ?? null
    },
    async advanceClock(ms) {
      await postJson(`${lc.url}/_localcloud/clock`, { advanceMs: ms })
    },
    async setClock(iso) {
      await postJson(`${lc.url}/_localcloud/clock`, { set: iso })
    },
    async grantSubscription(openid, templateId, count = 1) {
      await postJson(`${lc.url}/_localcloud/subscriptions`, { openid, templateId, count })
    },
    async outbox(touser) {
      const res = await fetch(`${lc.url}/_localcloud/outbox${touser ? `?touser=${encodeURIComponent(touser)}` : ''}`)
      return ((await res.json()) as { items: [] }).items
    },
    barrier(options) {
      // generous: the held calls may need fresh worker processes, slow to start on a busy machine
      return lc.database.barrier({ timeoutMs: 20_000, ...options })
    },
    async close() {
      await lc.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
  return cloud
}

/**
 * One cloud for the whole test file: started before its tests (then `prepare` runs, e.g. to seed
 * members) and closed after them. The object is filled in `beforeAll`: use it inside tests and hooks.
 */
export function useCloud(prepare?: () => Promise<void>): TestCloud {
  const cloud = {} as TestCloud
  beforeAll(async () => {
    Object.assign(cloud, await startCloud())
    await prepare?.()
  })
  afterAll(async () => {
    await cloud.close?.()
  })
  return cloud
}
