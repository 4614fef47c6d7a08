// One router per cloud function: identify the caller, authorise her from the access table in
// domain/, only then validate the input with the action's schema, run the handler, and answer the
// envelope. Authorising first means an outsider learns nothing of a staff action's fields from a
// BAD_INPUT. Handlers never parse raw input or check roles; nothing thrown escapes as anything but
// `{ ok: false, error }`.
import type { z } from 'zod'
import { audienceOf } from '../domain/access'
import type { Api, FunctionName } from '../domain/api'
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
  /** takes what the schema parses to (defaults filled, text trimmed) */
  handler(input: z.output<S>, ctx: ActionContext): Promise<R>
}

/** Declares one action; a helper only so TypeScript infers the handler's input from the schema. */
export function action<S extends z.ZodType, R>(def: ActionDef<S, R>): ActionDef<S, R> {
  return def
}

/**
 * What a function's action table must be, read off the contract in domain/api.ts: every action of
 * the contract, each schema accepting exactly the contract's input and each handler answering its
 * output. A table declared `satisfies ActionTable<'content'>` stops compiling when either side drifts.
 */
export type ActionTable<F extends FunctionName> = {
  [A in keyof Api[F]]: {
    input: z.ZodType<unknown, Api[F][A] extends { input: infer I } ? I : never>
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    handler(input: any, ctx: ActionContext): Promise<Api[F][A] extends { output: infer O } ? O : never>
  }
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
    // a timer event has no caller; a client sending {Type:'Timer'} is an ordinary (refused) call
    if (ev.Type === 'Timer' && options.onTimer && !cloud.getWXContext().OPENID) {
      await options.onTimer({ db, now, cloud }, String(ev.TriggerName ?? ''))
      return undefined
    }
    try {
      const openid = cloud.getWXContext().OPENID ?? ''
      if (!openid) throw new AppError('UNAUTHENTICATED')
      const member = await findMember(db, openid)
      const caller: Caller = { openid, status: member?.status ?? 'visitor', roles: member?.roles ?? [] }

      const name = typeof ev.action === 'string' ? ev.action : ''
      const def = Object.prototype.hasOwnProperty.call(actions, name) ? actions[name] : undefined
      const audience = def ? audienceOf(`${fn}.${name}`) : undefined
      // an unknown name is treated as the most guarded action: outsiders and members hear the same
      // refusal they get for a real staff action, so probing names reveals nothing
      authorize(audience ?? 'admin', caller)
      if (!def || !audience) throw new AppError('BAD_INPUT', name ? `不支持的操作：${name}` : '缺少操作名 action')

      const parsed = def.input.safeParse(inputOf(ev))
      if (!parsed.success) throw new AppError('BAD_INPUT', describeIssues(parsed.error.issues))

      const data = await def.handler(parsed.data, { openid, member, caller, db, now, cloud })
      return success(data)
    } catch (e) {
      if (isAppError(e)) return failure(e.code, e.message)
      console.error(`[${fn}] unexpected error`, e)
      return failure('INTERNAL', DEFAULT_MESSAGES.INTERNAL)
    }
  }
}
