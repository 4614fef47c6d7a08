// Request/response encoding: the SDK sends queries, data and stages as EJSON strings and reads
// every returned document as an EJSON string.
import { BSONRegExp, EJSON } from 'bson'
import type { Doc } from '../store'
import { invalidParam } from './errors'

/** Parses an EJSON parameter and turns SDK-specific values into plain JS ones mingo understands. */
export function decodeParam(text: unknown, name: string, now: number): unknown {
  if (text === undefined || text === null || text === '') return undefined
  if (typeof text !== 'string') return resolve(text, now) // tolerate already-decoded JSON
  let value: unknown
  try {
    value = EJSON.parse(text)
  } catch (err) {
    throw invalidParam(`${name} is not valid EJSON: ${(err as Error).message}`)
  }
  return resolve(value, now)
}

export function decodeObject(text: unknown, name: string, now: number): Doc | undefined {
  const value = decodeParam(text, name, now)
  if (value === undefined) return undefined
  if (!isPlainObject(value)) throw invalidParam(`${name} must be an object`)
  return value
}

export function encodeDocs(docs: Doc[]): string[] {
  return docs.map(d => EJSON.stringify(d, { relaxed: false }))
}

/**
 * db.serverDate({offset}) arrives as {$tcb_server_date: {offset}} and becomes the server's time;
 * db.RegExp and /re/ arrive as BSONRegExp and become JS RegExp (MongoDB-only flags dropped).
 */
function resolve(value: unknown, now: number): unknown {
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, [...value.options].filter(f => 'imsu'.includes(f)).join(''))
  if (Array.isArray(value)) return value.map(v => resolve(v, now))
  if (!isPlainObject(value)) return value
  const serverDate = value.$tcb_server_date
  if (serverDate !== undefined && Object.keys(value).length === 1) {
    const offset = Number((serverDate as { offset?: unknown })?.offset ?? 0) || 0
    return new Date(now + offset)
  }
  const out: Doc = {}
  for (const [k, v] of Object.entries(value)) out[k] = resolve(v, now)
  return out
}

export function isPlainObject(value: unknown): value is Doc {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}
