// Running one action's handler in this process, against the same localcloud and the real SDK, with
// a database that crashes at a chosen write: how a function instance dying between two writes looks
// to the data. Everything else (the retry, the inspection) goes through the ordinary gateway.
import type { MemberRecord } from '../../domain/member'
import type { ActionContext } from '../../server/router'
import type { TestCloud } from './support'

export const SIMULATED_CRASH = 'simulated crash: the function instance died here'

const WRITES = new Set(['add', 'set', 'update', 'remove'])

/** A proxy over any SDK object that throws on the first write reaching `collection`, by any path. */
function crashing<T extends object>(target: T, state: { armed: boolean }, collection: string, inCollection = false): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver)
      if (typeof value !== 'function') return value
      return (...args: unknown[]) => {
        if (inCollection && WRITES.has(String(prop)) && state.armed) {
          state.armed = false
          return Promise.reject(new Error(SIMULATED_CRASH))
        }
        if (prop === 'runTransaction') {
          const [body, ...rest] = args as [(t: object) => Promise<unknown>, ...unknown[]]
          return value.call(obj, (t: object) => body(crashing(t, state, collection)), ...rest)
        }
        const result = value.apply(obj, args)
        const entering = prop === 'collection' ? args[0] === collection : inCollection
        if (result && typeof result === 'object' && !(result instanceof Promise) && (prop === 'collection' || prop === 'doc' || prop === 'where' || inCollection)) {
          return crashing(result, state, collection, entering)
        }
        return result
      }
    },
  })
}

/** The test process's database, crashing at the first write to `collection`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function crashOnFirstWrite(db: any, collection: string): any {
  return crashing(db, { armed: true }, collection)
}

/** The context the router would build for `openid`, over `db`. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function contextFor(cloud: TestCloud, openid: string, db: any): Promise<ActionContext> {
  const member = (await cloud.member(openid)) as MemberRecord | null
  return {
    openid,
    member,
    caller: { openid, status: member?.status ?? 'visitor', roles: member?.roles ?? [] },
    db,
    now: () => new Date(),
    cloud: cloud.sdk,
  }
}
