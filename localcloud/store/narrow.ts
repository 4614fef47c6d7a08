// Turns the index-friendly part of a MongoDB filter into a SQL condition over key columns and the
// element table, so a query reads only candidate rows. The condition is a superset of the matches:
// anything it cannot express (other operators, regexes, null, $nor) simply does not narrow, and
// mingo runs the full filter on the candidates afterwards.
//
// When every condition of the filter was expressed, the condition is `exact`: a row satisfies it
// exactly when the document matches (never when a conditioned field has a path through an array,
// see keys.ts `ELEMENT_UNKNOWN`). An exact filter lets the store count and page in SQL without
// parsing a document.
import { ELEMENT_UNKNOWN, encodeScalar, isScalarKey, typeBracket } from './keys'

export interface SqlCondition {
  sql: string
  params: unknown[]
}

export interface Narrowed extends SqlCondition {
  /** true when the condition says everything the filter says */
  exact: boolean
}

export interface KeySpace {
  /** indexed field path -> quoted SQL column; `_id` maps to the id column */
  columns: Map<string, string>
  /** quoted name of the collection's table (what an element probe correlates with) */
  table: string
  /** quoted name of the element table (field, key, rid): one row per scalar element of an array value */
  elements: string
  /** what the element table holds for a field: nothing, scalar elements, or also ELEMENT_UNKNOWN rows */
  elementsOf: (field: string) => 'none' | 'known' | 'unknown'
  /**
   * Keep SQLite from answering an `$or` by a union of index searches: a sorted page reads best by
   * walking the order's index and testing each row (the union has to sort every match first).
   */
  walkOrder?: boolean
}

/** The SQL condition for `filter`, or null when nothing in it narrows (exact only for an empty filter). */
export function narrow(filter: Record<string, unknown> | undefined, space: KeySpace): Narrowed | null {
  const result = narrowAll(filter ?? {}, space)
  return result.clauses.length ? { sql: result.clauses.join(' AND '), params: result.params, exact: result.exact } : null
}

interface Parts {
  clauses: string[]
  params: unknown[]
  exact: boolean
}

/** `prefix` '+' makes SQLite's planner ignore the indexes of the columns it precedes. */
function narrowAll(filter: Record<string, unknown>, space: KeySpace, prefix = ''): Parts {
  const parts: Parts = { clauses: [], params: [], exact: true }
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) merge(parts, isPlainObject(sub) ? narrowAll(sub, space, prefix) : inexact())
    } else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      merge(parts, narrowOr(value, space, prefix))
    } else if (key.startsWith('$')) {
      parts.exact = false
    } else {
      merge(parts, narrowField(key, value, space, prefix))
    }
  }
  return parts
}

/** A disjunction narrows only when every branch does; it is exact when every branch is. */
function narrowOr(branches: unknown[], space: KeySpace, prefix: string): Parts {
  const parts: Parts = { clauses: [], params: [], exact: true }
  const sqls: string[] = []
  for (const branch of branches) {
    const sub = isPlainObject(branch) ? narrowAll(branch, space, space.walkOrder ? '+' : prefix) : inexact()
    if (sub.clauses.length === 0) return inexact()
    sqls.push(sub.clauses.join(' AND '))
    parts.params.push(...sub.params)
    parts.exact &&= sub.exact
  }
  parts.clauses.push(`((${sqls.join(') OR (')}))`)
  return parts
}

function narrowField(field: string, cond: unknown, space: KeySpace, prefix: string): Parts {
  const parts: Parts = { clauses: [], params: [], exact: true }
  const stored = space.columns.get(field)
  if (!stored) return inexact()
  const column = prefix + stored
  const isId = field === '_id'
  const add = (clause: Translated | null): void => {
    if (!clause) {
      parts.exact = false
      return
    }
    parts.exact &&= clause.exact
    if (isId) {
      parts.clauses.push(clause.sql(column))
      parts.params.push(...clause.params)
      return
    }
    // An array value matches when one of its elements does: those live in the element table. A
    // path through an array (an ELEMENT_UNKNOWN row) stays a candidate for every condition. A
    // field that never held an array reads its column alone, so SQLite can also walk it in order.
    const held = space.elementsOf(field)
    if (held === 'none') {
      parts.clauses.push(clause.sql(column))
      parts.params.push(...clause.params)
      return
    }
    // A sorted page probes each row it walks (EXISTS): `rid IN (…)` would first collect every
    // element match, which grows with the collection whatever the page.
    const hasElement = (cond: string): string =>
      space.walkOrder
        ? `EXISTS (SELECT 1 FROM ${space.elements} AS e WHERE e.field = ? AND ${cond} AND e.rid = ${space.table}.rid)`
        : `${prefix}rid IN (SELECT rid FROM ${space.elements} WHERE field = ? AND ${cond})`
    const unknown = held === 'unknown' ? ` OR ${hasElement('key = ?')}` : ''
    parts.exact &&= held === 'known'
    parts.clauses.push(`(${clause.sql(column)} OR ${hasElement(clause.sql(space.walkOrder ? 'e.key' : 'key'))}${unknown})`)
    parts.params.push(...clause.params, field, ...clause.params, ...(held === 'unknown' ? [field, ELEMENT_UNKNOWN] : []))
  }
  if (isScalarKey(cond)) {
    add(equals(cond, isId))
    return parts
  }
  if (!isOperatorObject(cond)) return inexact()
  for (const [op, arg] of Object.entries(cond)) {
    if (op === '$eq' && isScalarKey(arg)) add(equals(arg, isId))
    else if (op === '$in' && Array.isArray(arg) && arg.length > 0 && arg.every(isScalarKey)) add(within(arg, isId))
    else if (op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') add(range(op, arg, isId))
    else parts.exact = false
  }
  return parts
}

function merge(into: Parts, from: Parts): void {
  into.clauses.push(...from.clauses)
  into.params.push(...from.params)
  into.exact &&= from.exact
}

const inexact = (): Parts => ({ clauses: [], params: [], exact: false })

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp)
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every(k => k.startsWith('$'))
}

/** A condition on one column, written for any column name (the key column or the element key). */
interface Translated {
  sql: (column: string) => string
  params: unknown[]
  exact: boolean
}

function idValue(value: unknown): unknown {
  return value instanceof Date ? undefined : typeof value === 'boolean' ? undefined : value
}

function equals(value: unknown, isId: boolean): Translated | null {
  const key = isId ? idValue(value) : encodeScalar(value)
  return key === undefined ? null : { sql: c => `${c} = ?`, params: [key], exact: true }
}

function within(values: unknown[], isId: boolean): Translated | null {
  const keys = values.map(v => (isId ? idValue(v) : encodeScalar(v)))
  if (keys.some(k => k === undefined)) return null
  return { sql: c => `${c} IN (${keys.map(() => '?').join(', ')})`, params: keys, exact: true }
}

function range(op: string, value: unknown, isId: boolean): Translated | null {
  if (isId) return null // ids are few per query in practice; not worth the type bookkeeping
  const key = encodeScalar(value)
  const bracket = typeBracket(value)
  if (key === undefined || !bracket) return null
  const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]
  const [low, high] = bracket
  // SQLite compares strings by UTF-8 bytes, mingo by UTF-16 units: string ranges narrow, mingo decides
  const exact = typeof value !== 'string'
  if (op === '$gt' || op === '$gte') return { sql: c => `${c} ${sqlOp} ? AND ${c} < ?`, params: [key, high], exact }
  // Lower bound: numbers need only exclude NULL, which any comparison already does.
  if (low === null) return { sql: c => `${c} ${sqlOp} ?`, params: [key], exact }
  return { sql: c => `${c} >= ? AND ${c} ${sqlOp} ?`, params: [low, key], exact }
}
