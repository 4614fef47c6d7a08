// The functions service: `functions.invokeFunction` for cloud.callFunction, a programmatic
// invoke() for the client gateway, and the timer triggers declared in each config.json.
import path from 'node:path'
import { jsonTooDeep, MAX_JSON_DEPTH } from '../body'
import type { AdminAction, Clock, Service, ServiceContext } from '../service'
import { FunctionError, FunctionPool, type Identity } from './pool'
import { TimerScheduler, type TimerEvent } from './timers'

export { FunctionError, ERR_EXECUTE_FAIL, ERR_INVALID_PARAM, ERR_NOT_FOUND, ERR_TIME_LIMIT, type Identity } from './pool'
export { parseCron, nextFire } from './cron'

/**
 * Where the HTTP front puts the token of the worker that made an admin call
 * (`POST /admin/w/<token>`): a body field the SDK itself never sends.
 */
export const WORKER_TOKEN_FIELD = '__localcloudWorker'

export interface FunctionsOptions {
  /** default: $LOCALCLOUD_FUNCTIONS_DIR, else `<projectRoot>/cloudfunctions` */
  functionsDir?: string
  projectRoot?: string
  maxWorkersPerFunction?: number
  /** fire config.json timer triggers (default true) */
  timers?: boolean
  forwardLogs?: boolean
  region?: string
}

export interface FunctionsRuntime {
  functionsDir: string
  /** Run a function as `identity`; resolves with its return value, rejects with FunctionError. */
  invoke(name: string, event: unknown, identity?: Identity): Promise<unknown>
  /** Same, answering the JSON text of the return value. */
  invokeJson(name: string, event: unknown, identity?: Identity): Promise<string>
  exists(name: string): boolean
  /** The function whose worker owns `token` (the `/admin/w/<token>` URL), if any. */
  callerOf(token: string): { name: string; dir: string } | undefined
  /** Resolves when every timer-triggered invocation started so far has finished. */
  timersIdle(): Promise<void>
  timers(): Array<{ fn: string; name: string; cron: string; next: string | null }>
}

/** The repository root (this file is localcloud/functions/index.ts). */
const PROJECT_ROOT = path.resolve(__dirname, '..', '..')

const runtimes = new WeakMap<ServiceContext, FunctionsRuntime>()

/** The functions runtime serving `ctx` (the gateway uses it), if the functions service was created. */
export function getFunctionsRuntime(ctx: ServiceContext): FunctionsRuntime | undefined {
  return runtimes.get(ctx)
}

export function functionsService(ctx: ServiceContext, options: FunctionsOptions = {}): Service & { runtime: FunctionsRuntime } {
  const functionsDir = path.resolve(
    options.functionsDir ?? process.env.LOCALCLOUD_FUNCTIONS_DIR ?? path.join(options.projectRoot ?? PROJECT_ROOT, 'cloudfunctions'),
  )
  const pool = new FunctionPool(ctx, {
    functionsDir,
    maxWorkersPerFunction: options.maxWorkersPerFunction,
    region: options.region,
    forwardLogs: options.forwardLogs,
  })
  let closing = false
  const scheduler = new TimerScheduler(
    functionsDir,
    ctx.clock,
    (fn, event: TimerEvent) => pool.invoke(fn, event, {}),
    (fn, err) => closing || console.error(`[localcloud] timer trigger of ${fn} failed:`, err instanceof Error ? err.message : err),
  )
  if (options.timers !== false) scheduler.start()
  const withHook = ctx.clock as Clock & { onChange?: (fn: () => void) => () => void }
  const unsubscribe = typeof withHook.onChange === 'function' ? withHook.onChange(() => pool.broadcastClock()) : undefined

  const runtime: FunctionsRuntime = {
    functionsDir,
    invokeJson: (name, event, identity) => pool.invoke(name, event, identity ?? {}),
    async invoke(name, event, identity) {
      const json = await pool.invoke(name, event, identity ?? {})
      return JSON.parse(json)
    },
    exists: (name) => pool.functionDir(name) !== null,
    callerOf: (token) => pool.functionOf(token),
    timersIdle: () => scheduler.idle(),
    timers: () => scheduler.list(),
  }
  runtimes.set(ctx, runtime)

  const invokeFunction: AdminAction = async (body) => {
    const name = typeof body.function_name === 'string' ? body.function_name : ''
    if (!name) return { code: 'INVALID_PARAM', message: 'function_name is required' }
    let event: unknown = {}
    const raw = body.request_data
    if (typeof raw === 'string' && raw !== '') {
      if (jsonTooDeep(raw)) return { code: 'INVALID_PARAM', message: `request_data is nested more than ${MAX_JSON_DEPTH} levels` }
      try {
        event = JSON.parse(raw)
      } catch {
        return { code: 'INVALID_PARAM', message: 'request_data is not valid JSON' }
      }
    }
    // A call from inside a function runs as that invocation's user (the SDK sends no identity).
    const token = typeof body[WORKER_TOKEN_FIELD] === 'string' ? (body[WORKER_TOKEN_FIELD] as string) : undefined
    const identity = pool.identityOf(token) ?? {}
    try {
      return { data: { response_data: await pool.invoke(name, event, identity) } }
    } catch (err) {
      if (err instanceof FunctionError) return { code: err.code, message: err.message }
      throw err
    }
  }

  return {
    name: 'functions',
    runtime,
    actions: { 'functions.invokeFunction': invokeFunction },
    async close() {
      closing = true
      scheduler.stop()
      unsubscribe?.()
      await pool.close()
      runtimes.delete(ctx)
    },
  }
}
