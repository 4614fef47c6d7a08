// One router per cloud function: validate the input with the action's schema, authorise the caller
// from the access table in domain/, run the handler, and answer the envelope. Handlers never parse
// raw input or check roles; nothing thrown escapes as anything but `{ ok: false, error }`.
import type { z } from 'zod'
import { audienceOf } from '../domain/access'
import { AppError, DEFAULT_MESSAGES, isAppError } from '../domain/errors'
import { failure, success, type Envelope } from '../domain/envelope'
import { authorize, type Caller } from '../domain/roles'
import type { MemberRecord } from '../domain/member'
import { describeIssues } from '../domain/schemas/format'
import { sdk, type Database } from './cloud'
import { findMember } from './collections/members'

export interface ActionContext {
  openid: string
  /** The caller's record in `members`; null for a visitor. */
  member: MemberRecord | null
  caller: Caller
  db: Database
  now(): Date
  cloud: ReturnType<typeof sdk>
}

export interface ActionDef<S extends z.ZodType, R> {
  input: S
  handler(input: z.infer<S>, ctx: ActionContext): Promise<R>
}

/** Declares one action; a helper only so TypeScript infers the handler's input from the schema. */
export function action<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def
}

export interface TimerContext {
  db: Database
  now(): Date
  cloud: ReturnType<typeof sdk>
}

interface RouterOptions {
  /** Runs when the function's timer trigger fires (no caller, result goes nowhere). */
  onTimer?(ctx: TimerContext, trigger: string): Promise<unknown>
}

// Fields the platform adds to a client call's event; never part of an action's input.
const PLATFORM_FIELDS = new Set(['action', 'userInfo'])

function inputOf(event: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(event)) if (!PLATFORM_FIELDS.has(k)) out[k] = v
  return out
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyAction = ActionDef<any, unknown>

export function createRouter(fn: string, actions: Record<string, AnyAction>, options: RouterOptions = {}) {
  return async function main(event: unknown): Promise<Envelope<unknown> | undefined> {
    const cloud = sdk()
    const db = cloud.database()
    const now = () => new Date()
    const ev = (event ?? {}) as Record<string, unknown>
    if (ev.Type === 'Timer' && options.onTimer) {
      await options.onTimer({ db, now, cloud }, String(ev.TriggerName ?? ''))
      return undefined
    }
    try {
      const name = typeof ev.action === 'string' ? ev.action : ''
      const def = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined
      const audience = audienceOf(`${fn}.${name}`)
      if (!def || !audience) throw new AppError('BAD_INPUT', name ? `不支持的操作：${name}` : '缺少操作名 action')
      const parsed = def.input.safeParse(inputOf(ev))
      if (!parsed.success) throw new AppError('BAD_INPUT', describeIssues(parsed.error.issues))

      const openid = cloud.getWXContext().OPENID ?? ''
      if (!openid) throw new AppError('UNAUTHENTICATED')
      const member = await findMember(db, openid)
      const caller: Caller = { openid, status: member?.status ?? 'visitor', roles: member?.roles ?? [] }
      authorize(audience, caller)

      const data = await def.handler(parsed.data, { openid, member, caller, db, now, cloud })
      return success(data)
    } catch (e) {
      if (isAppError(e)) return failure(e.code, e.message)
      console.error(`[${fn}] unexpected error`, e)
      return failure('INTERNAL', DEFAULT_MESSAGES.INTERNAL)
    }
  }
}
