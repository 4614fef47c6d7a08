// Test support: a localcloud on port 0 over a temporary data dir, and a fresh copy of the real
// wx-server-sdk pointed at it. The SDK reads its URL, credentials and identity from process.env at
// call time, so the environment stays set for the whole test file.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sdkEnv } from '../../localcloud/sdk-env'
import { startLocalCloud, type LocalCloud, type StartOptions } from '../../localcloud/server'

export { sdkEnv }

export interface TestCloud extends LocalCloud {
  dataDir: string
}

/** Starts localcloud with only the database service and an empty manifest unless told otherwise. */
export async function startTestCloud(options: Partial<StartOptions> = {}): Promise<TestCloud> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-test-'))
  const cloud = await startLocalCloud({ port: 0, manifest: { collections: [] }, services: [], ...options, dataDir })
  return {
    ...cloud,
    dataDir,
    close: async () => {
      await cloud.close()
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type WxCloud = any

/** A freshly loaded, initialised wx-server-sdk talking to `url`. */
export function loadSdk(url: string, identity: { openid?: string; appid?: string } = {}): WxCloud {
  Object.assign(process.env, sdkEnv(url, identity))
  let cloud: WxCloud
  const load = (): void => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cloud = require('wx-server-sdk')
  }
  if (typeof jest !== 'undefined') jest.isolateModules(load)
  else {
    for (const key of Object.keys(require.cache)) if (/node_modules[\\/](wx-server-sdk|@cloudbase)[\\/]/.test(key)) delete require.cache[key]
    load()
  }
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  return cloud
}

export interface SdkTestCloud {
  lc: TestCloud
  db: WxCloud
  /** db.command */
  _: WxCloud
}

/**
 * One localcloud and one SDK database for the whole test file, with `collections` created, closed
 * after the file. The fields are filled in `beforeAll`: read them inside tests and hooks.
 */
export function useSdkCloud(collections: string[], options: Partial<StartOptions> = {}): SdkTestCloud {
  const t = {} as SdkTestCloud
  beforeAll(async () => {
    t.lc = await startTestCloud(options)
    t.db = loadSdk(t.lc.url).database()
    t._ = t.db.command
    for (const name of collections) await t.db.createCollection(name)
  })
  afterAll(async () => {
    await t.lc?.close()
  })
  return t
}

export async function postJson(url: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
  return (await res.json()) as Record<string, unknown>
}

export async function getJson(url: string): Promise<Record<string, unknown>> {
  return (await (await fetch(url)).json()) as Record<string, unknown>
}

/** Expects `promise` to reject and returns what it rejected with. */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  try {
    await promise
  } catch (err) {
    return err as Record<string, unknown>
  }
  throw new Error('expected the call to fail, it succeeded')
}
