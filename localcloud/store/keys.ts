// Index keys: each indexed field of a document is copied into its own SQL column as a value that
// SQLite compares the way MongoDB compares values of one type. Within a column:
//   NULL        missing or null (never used to narrow a query)
//   number      numbers (int, long, double compare numerically, as in MongoDB)
//   's:' + str  strings            'b:0' / 'b:1'  booleans
//   'd:' + ms   dates (fixed width) 'x:' + json   arrays, objects and anything else
// SQLite orders numbers before text, so a range over one type is a range over the column.
// 'x:' values may match a query in ways a column cannot express (an array matches if any element
// does), so narrowing always keeps them as candidates; mingo then decides.
import { EJSON } from 'bson'

export type KeyValue = string | number | null

const DATE_SHIFT = 1e15 // makes negative epoch-ms positive so fixed-width text sorts like the number

export const MULTI_LOW = 'x:'
export const MULTI_HIGH = 'x;'

export function isScalarKey(value: unknown): value is string | number | boolean | Date {
  return (
    typeof value === 'string' ||
    (typeof value === 'number' && !Number.isNaN(value)) ||
    typeof value === 'boolean' ||
    (value instanceof Date && !Number.isNaN(value.getTime()))
  )
}

/** Encodes a scalar query or document value; undefined for values that cannot be a key. */
export function encodeScalar(value: unknown): string | number | undefined {
  if (typeof value === 'string') return 's:' + value
  if (typeof value === 'number') return Number.isNaN(value) ? undefined : value
  if (typeof value === 'boolean') return value ? 'b:1' : 'b:0'
  if (value instanceof Date) {
    const ms = value.getTime()
    return Number.isNaN(ms) ? undefined : 'd:' + String(ms + DATE_SHIFT).padStart(17, '0')
  }
  return undefined
}

/** The SQL type bracket [low, high) that holds every encoded value of the same type as `value`. */
export function typeBracket(value: unknown): [KeyValue, KeyValue] | undefined {
  if (typeof value === 'number') return [null, ''] // numbers sort after NULL and before all text
  if (typeof value === 'string') return ['s:', 's;']
  if (value instanceof Date) return ['d:', 'd;']
  return undefined
}

/** The key of `doc` at dotted `path`; a path that meets an array before its end is a multi-key. */
export function keyAt(doc: Record<string, unknown>, path: string): KeyValue {
  let current: unknown = doc
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return MULTI_LOW + EJSON.stringify(current, { relaxed: false })
    if (current === null || typeof current !== 'object' || current instanceof Date) return null
    current = (current as Record<string, unknown>)[part]
  }
  if (current === undefined || current === null) return null
  const scalar = encodeScalar(current)
  if (scalar !== undefined) return scalar
  return MULTI_LOW + EJSON.stringify(current as object, { relaxed: false })
}

/**
 * Element rows mark a path that runs through an array before its end (`a.b` over `a: [{b}]`):
 * MongoDB fans out there, the key column cannot, so such a document stays a candidate.
 */
export const ELEMENT_UNKNOWN = 'x:'

/**
 * The element keys of `doc` at `path` (the element table's rows): the distinct scalar elements of
 * an array value, or ELEMENT_UNKNOWN for a path through an array; none for anything else. Elements
 * that are objects, arrays or null are left out: no condition that narrows can match them.
 */
export function elementKeysAt(doc: Record<string, unknown>, path: string): Array<string | number> {
  let current: unknown = doc
  for (const part of path.split('.')) {
    if (Array.isArray(current)) return [ELEMENT_UNKNOWN]
    if (current === null || typeof current !== 'object' || current instanceof Date) return []
    current = (current as Record<string, unknown>)[part]
  }
  if (!Array.isArray(current)) return []
  const keys = new Set<string | number>()
  for (const element of current) {
    const key = encodeScalar(element)
    if (key !== undefined) keys.add(key)
  }
  return [...keys]
}

/** The type bracket of a stored key, for sort planning: 'n' numbers, else its two-character prefix. */
export function keyBracket(key: KeyValue): string | null {
  if (key === null) return null
  return typeof key === 'number' ? 'n' : key.slice(0, 2)
}
