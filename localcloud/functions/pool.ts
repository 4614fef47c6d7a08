// Worker pool: a few child processes per function, spawned on first use and kept warm, each
// serving one invocation at a time (as an SCF instance does). Each worker reaches localcloud
// through its own URL `<base>/admin/w/<token>`, so the server knows which invocation (and so
// which OPENID) a nested call such as cloud.callFunction comes from.
import { fork, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { MAX_JSON_DEPTH, valueTooDeep } from '../body'
import type { ServiceContext } from '../service'

export interface Identity {
  openid?: string
  appid?: string
  unionid?: string
}

/** An invocation that did not return a value; `code` is the TCB string code the SDK sees. */
export class FunctionError extends Error {
  constructor(public code: string, message: string) {
    super(message)
  }
}

export const ERR_NOT_FOUND = 'ResourceNotFound.FunctionName'
export const ERR_EXECUTE_FAIL = 'FUNCTIONS_EXECUTE_FAIL'
export const ERR_TIME_LIMIT = 'FUNCTIONS_TIME_LIMIT_EXCEEDED'
export const ERR_INVALID_PARAM = 'INVALID_PARAM'

export interface PoolOptions {
  functionsDir: string
  /** workers per function (the real basic plan allows 20 concurrent requests per function) */
  maxWorkersPerFunction?: number
  region?: string
  /** forward functions' console output to ours, prefixed with the function name (default true) */
  forwardLogs?: boolean
}

interface FunctionConfig { timeoutSec: number }

interface Pending {
  id: string
  identity: Identity
  resolve(json: string): void
  reject(err: FunctionError): void
  timer?: NodeJS.Timeout
}

interface Worker {
  token: string
  fn: string
  child: ChildProcess
  codeVersion: number
  busy: Pending | null
  dead: boolean
  /** resolves once the process has loaded the function's code */
  ready: Promise<boolean>
}

const WORKER_SCRIPT = path.join(__dirname, 'worker.cjs')
const DEFAULT_TIMEOUT_SEC = 3
/** SCF's separate initialisation limit (loading index.js and its requires) */
const INIT_TIMEOUT_MS = 30_000

export class FunctionPool {
  private workers = new Map<string, Worker[]>()
  private byToken = new Map<string, Worker>()
  private waiters = new Map<string, Array<() => void>>()
  private seq = 0
  private closed = false

  constructor(private ctx: ServiceContext, private opts: PoolOptions) {}

  /** The directory of a deployed function, or null when there is no `<name>/index.js`. */
  functionDir(name: string): string | null {
    if (!/^[A-Za-z0-9_-]+$/.test(name)) return null
    const dir = path.join(this.opts.functionsDir, name)
    return fs.existsSync(path.join(dir, 'index.js')) ? dir : null
  }

  readConfig(dir: string): FunctionConfig {
    try {
      const raw = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))
      const t = Number(raw?.timeout)
      return { timeoutSec: Number.isFinite(t) && t > 0 ? t : DEFAULT_TIMEOUT_SEC }
    } catch {
      return { timeoutSec: DEFAULT_TIMEOUT_SEC }
    }
  }

  /** Identity of the invocation a worker is serving now (for calls made from inside a function). */
  identityOf(token: string | undefined): Identity | undefined {
    if (!token) return undefined
    return this.byToken.get(token)?.busy?.identity
  }

  functionOf(token: string): { name: string; dir: string } | undefined {
    const w = this.byToken.get(token)
    return w ? { name: w.fn, dir: path.join(this.opts.functionsDir, w.fn) } : undefined
  }

  /** Run `name` with `event`; resolves with the JSON text of main's return value. */
  async invoke(name: string, event: unknown, identity: Identity = {}): Promise<string> {
    if (this.closed) throw new FunctionError(ERR_EXECUTE_FAIL, 'localcloud is shutting down')
    const dir = this.functionDir(name)
    if (!dir) throw new FunctionError(ERR_NOT_FOUND, 'FunctionName parameter could not be found.')
    // A deeper event overflows the IPC serializer: refuse it before it costs a worker.
    if (valueTooDeep(event)) throw new FunctionError(ERR_INVALID_PARAM, `请求内容嵌套过深 (event nested more than ${MAX_JSON_DEPTH} levels)`)
    const { timeoutSec } = this.readConfig(dir)
    const id = `${Date.now().toString(36)}-${++this.seq}`
    const pending: Pending = { id, identity, resolve: () => {}, reject: () => {} }
    const worker = await this.acquire(name, dir, pending)
    if (!(await worker.ready)) {
      this.retire(worker)
      worker.busy = null
      this.wakeOne(name)
      throw new FunctionError(ERR_EXECUTE_FAIL, 'function initialization failed or timed out')
    }
    if (worker.dead) {
      worker.busy = null
      throw new FunctionError(ERR_EXECUTE_FAIL, 'process exited before completing request')
    }
    return new Promise<string>((resolve, reject) => {
      pending.resolve = resolve
      pending.reject = reject
      // The limit covers running main(); loading the code has its own limit, as on SCF.
      pending.timer = setTimeout(() => {
        this.retire(worker)
        this.finish(worker, id, new FunctionError(ERR_TIME_LIMIT, `Invoking task timed out after ${timeoutSec} seconds`))
      }, timeoutSec * 1000)
      const env: Record<string, string | null> = {
        WX_OPENID: identity.openid ?? null,
        WX_APPID: identity.appid ?? null,
        WX_UNIONID: identity.unionid ?? null,
      }
      const context = {
        callbackWaitsForEmptyEventLoop: false,
        memory_limit_in_mb: 256,
        time_limit_in_ms: timeoutSec * 1000,
        request_id: id,
        function_name: name,
        function_version: '$LATEST',
        namespace: this.ctx.env,
        tencentcloud_region: this.opts.region ?? 'ap-shanghai',
        environment: JSON.stringify(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== null))),
      }
      try {
        worker.child.send({ type: 'invoke', id, functionName: name, event, context, env, clockOffset: this.ctx.clock.offset() })
      } catch (err) {
        // the instance died between being picked and being handed the event (a live one that
        // could not be handed this event is still good for the next)
        if (!worker.child.connected) this.retire(worker)
        this.finish(worker, id, new FunctionError(ERR_EXECUTE_FAIL, `could not start the invocation: ${(err as Error).message}`))
      }
    })
  }

  /** Tell running workers the clock moved, so a long invocation sees it too. */
  broadcastClock(): void {
    const offset = this.ctx.clock.offset()
    for (const w of this.byToken.values()) if (!w.dead && w.child.connected) w.child.send({ type: 'clock', offset })
  }

  async close(): Promise<void> {
    this.closed = true
    const all = [...this.byToken.values()]
    await Promise.all(all.map((w) => new Promise<void>((resolve) => {
      if (w.dead || w.child.exitCode !== null) return resolve()
      w.child.once('exit', () => resolve())
      this.retire(w)
    })))
  }

  private codeVersion(dir: string): number {
    try { return fs.statSync(path.join(dir, 'index.js')).mtimeMs } catch { return 0 }
  }

  /** Reserve a worker for `pending` (synchronously marked busy, so concurrent callers never share one). */
  private async acquire(name: string, dir: string, pending: Pending): Promise<Worker> {
    for (;;) {
      const version = this.codeVersion(dir)
      const list = this.workers.get(name) ?? []
      // A redeployed index.js retires idle instances running the old code.
      for (const w of list) if (!w.busy && w.codeVersion !== version) this.retire(w)
      const live = (this.workers.get(name) ?? []).filter((w) => !w.dead)
      const idle = live.find((w) => !w.busy)
      const worker = idle ?? (live.length < (this.opts.maxWorkersPerFunction ?? 4) ? this.spawn(name, dir, version) : null)
      if (worker) {
        worker.busy = pending
        return worker
      }
      await new Promise<void>((resolve) => {
        const q = this.waiters.get(name) ?? []
        q.push(resolve)
        this.waiters.set(name, q)
      })
    }
  }

  private spawn(name: string, dir: string, codeVersion: number): Worker {
    const token = randomBytes(12).toString('hex')
    const base = this.ctx.baseUrl()
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      // SCF runs in UTC: code that formats local hours without a zone sees UTC, as in production.
      TZ: 'UTC',
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${base}/admin/w/${token}` }),
      TENCENTCLOUD_SECRETID: 'localcloud-secret-id',
      TENCENTCLOUD_SECRETKEY: 'localcloud-secret-key',
      TENCENTCLOUD_SESSIONTOKEN: 'localcloud-session-token',
      TENCENTCLOUD_REGION: this.opts.region ?? 'ap-shanghai',
      TENCENTCLOUD_RUNENV: 'SCF',
      TCB_ENV: this.ctx.env,
      SCF_NAMESPACE: this.ctx.env,
      SCF_FUNCTIONNAME: name,
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID,WX_UNIONID',
      LOCALCLOUD_FUNCTION_MAIN: path.join(dir, 'index.js'),
    }
    const child = fork(WORKER_SCRIPT, [], { cwd: dir, env: env as NodeJS.ProcessEnv, execArgv: [], stdio: ['ignore', 'pipe', 'pipe', 'ipc'], serialization: 'json' })
    let markReady: (ok: boolean) => void = () => {}
    const ready = new Promise<boolean>((resolve) => {
      markReady = resolve
      setTimeout(() => resolve(false), INIT_TIMEOUT_MS).unref()
    })
    const worker: Worker = { token, fn: name, child, codeVersion, busy: null, dead: false, ready }
    this.forwardOutput(name, child)
    child.on('message', (msg: { type?: string; id?: string; ok?: boolean; value?: string; error?: { name: string; message: string; stack?: string } }) => {
      if (msg?.type === 'ready') markReady(true)
      if (msg?.type !== 'result' || !msg.id) return
      if (msg.ok) this.finish(worker, msg.id, null, msg.value ?? 'null')
      else this.finish(worker, msg.id, new FunctionError(ERR_EXECUTE_FAIL, `${msg.error?.name ?? 'Error'}: ${msg.error?.message ?? 'unknown error'}`))
    })
    child.on('exit', (code, signal) => {
      markReady(false)
      const wasBusy = worker.busy
      worker.dead = true
      if (wasBusy) this.finish(worker, wasBusy.id, new FunctionError(ERR_EXECUTE_FAIL, `process exited before completing request (code ${code ?? signal})`))
      this.remove(worker)
    })
    child.on('error', () => { /* exit follows */ })
    const list = this.workers.get(name) ?? []
    list.push(worker)
    this.workers.set(name, list)
    this.byToken.set(token, worker)
    return worker
  }

  private finish(worker: Worker, id: string, err: FunctionError | null, json?: string): void {
    const pending = worker.busy
    if (!pending || pending.id !== id) return
    clearTimeout(pending.timer)
    worker.busy = null
    if (err) pending.reject(err)
    else pending.resolve(json ?? 'null')
    this.wakeOne(worker.fn)
  }

  private retire(worker: Worker): void {
    if (worker.dead) return
    worker.dead = true
    this.remove(worker)
    worker.child.kill('SIGKILL')
  }

  private remove(worker: Worker): void {
    const list = this.workers.get(worker.fn)
    if (list) this.workers.set(worker.fn, list.filter((w) => w !== worker))
    // Keep the token until the process is gone so late calls still resolve an identity.
    if (worker.child.exitCode !== null || worker.child.signalCode !== null) this.byToken.delete(worker.token)
    else worker.child.once('exit', () => this.byToken.delete(worker.token))
    this.wakeOne(worker.fn)
  }

  private wakeOne(fn: string): void {
    const q = this.waiters.get(fn)
    const next = q?.shift()
    if (next) next()
  }

  private forwardOutput(name: string, child: ChildProcess): void {
    const forward = this.opts.forwardLogs ?? true
    for (const [stream, sink] of [[child.stdout, process.stdout], [child.stderr, process.stderr]] as const) {
      if (!stream) continue
      let buf = ''
      stream.setEncoding('utf8')
      stream.on('data', (chunk: string) => {
        if (!forward) return
        buf += chunk
        let nl: number
        while ((nl = buf.indexOf('\n')) >= 0) {
          sink.write(`[fn:${name}] ${buf.slice(0, nl)}\n`)
          buf = buf.slice(nl + 1)
        }
      })
    }
  }
}
