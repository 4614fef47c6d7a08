// The contract every localcloud service module (database, functions, storage, openapi, gateway)
// implements, so the HTTP front stays a thin router by `action` and by URL prefix.
import type { IncomingMessage, ServerResponse } from 'node:http'

/** A clock that tests can move; functions, timers and db.serverDate() all read it. */
export interface Clock {
  now(): number
  /** Move the clock forward (or back) by `ms`; timers due in between fire. */
  advance(ms: number): void
  set(epochMs: number): void
  offset(): number
}

export interface ServiceContext {
  env: string
  /** Absolute base URL of this server, e.g. http://127.0.0.1:PORT (no trailing slash). */
  baseUrl(): string
  clock: Clock
  dataDir: string
}

/** JSON body of an admin call (`POST /admin`), already parsed; the answer is the JSON the SDK reads. */
export type AdminAction = (body: Record<string, unknown>, ctx: ServiceContext) => Promise<Record<string, unknown>>

/** Raw HTTP route, for byte transfers (storage), multipart (openapi) and the client gateway. Return true when handled. */
export type RawRoute = (req: IncomingMessage, res: ServerResponse, url: URL, ctx: ServiceContext) => Promise<boolean>

export interface Service {
  name: string
  /** admin actions by `action` name, e.g. 'database.getDocument' */
  actions?: Record<string, AdminAction>
  routes?: RawRoute[]
  /** release resources on shutdown (close db, kill workers) */
  close?(): Promise<void>
}
