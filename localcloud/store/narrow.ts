// Turns the index-friendly part of a MongoDB filter into a SQL condition over key columns, so a
// query reads only candidate rows. The condition is a superset of the matches: anything it cannot
// express exactly (other operators, $or, regexes, null) simply does not narrow, and mingo runs the
// full filter on the candidates afterwards.
import { encodeScalar, isScalarKey, MULTI_HIGH, MULTI_LOW, typeBracket } from './keys'

export interface SqlCondition {
  sql: string
  params: unknown[]
}

/** `columns` maps an indexed field path to its quoted SQL column; `_id` maps to the id column. */
export function narrow(filter: Record<string, unknown> | undefined, columns: Map<string, string>): SqlCondition | null {
  if (!filter) return null
  const clauses: string[] = []
  const params: unknown[] = []
  for (const [field, cond] of fieldConditions(filter)) {
    const column = columns.get(field)
    if (!column) continue
    const isId = field === '_id'
    const add = (clause: SqlCondition | null): void => {
      if (!clause) return
      // Multi-key rows (arrays, objects) stay candidates for every condition on a secondary field.
      clauses.push(isId ? clause.sql : `(${clause.sql} OR (${column} >= ? AND ${column} < ?))`)
      params.push(...clause.params)
      if (!isId) params.push(MULTI_LOW, MULTI_HIGH)
    }
    if (isScalarKey(cond)) {
      add(equals(column, cond, isId))
      continue
    }
    if (!isOperatorObject(cond)) continue
    for (const [op, arg] of Object.entries(cond)) {
      if (op === '$eq' && isScalarKey(arg)) add(equals(column, arg, isId))
      else if (op === '$in' && Array.isArray(arg) && arg.length > 0 && arg.every(isScalarKey)) add(within(column, arg, isId))
      else if (op === '$gt' || op === '$gte' || op === '$lt' || op === '$lte') add(range(column, op, arg, isId))
    }
  }
  return clauses.length ? { sql: clauses.join(' AND '), params } : null
}

/** Field conditions that must all hold: top-level fields plus those inside a top-level $and. */
function fieldConditions(filter: Record<string, unknown>): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = []
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) if (sub && typeof sub === 'object') out.push(...fieldConditions(sub as Record<string, unknown>))
    } else if (!key.startsWith('$')) {
      out.push([key, value])
    }
  }
  return out
}

function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!value || typeof value !== 'object' || Array.isArray(value) || value instanceof Date || value instanceof RegExp) return false
  const keys = Object.keys(value)
  return keys.length > 0 && keys.every(k => k.startsWith('$'))
}

function idValue(value: unknown): unknown {
  return value instanceof Date ? undefined : typeof value === 'boolean' ? undefined : value
}

function equals(column: string, value: unknown, isId: boolean): SqlCondition | null {
  const key = isId ? idValue(value) : encodeScalar(value)
  return key === undefined ? null : { sql: `${column} = ?`, params: [key] }
}

function within(column: string, values: unknown[], isId: boolean): SqlCondition | null {
  const keys = values.map(v => (isId ? idValue(v) : encodeScalar(v)))
  if (keys.some(k => k === undefined)) return null
  return { sql: `${column} IN (${keys.map(() => '?').join(', ')})`, params: keys }
}

function range(column: string, op: string, value: unknown, isId: boolean): SqlCondition | null {
  if (isId) return null // ids are few per query in practice; not worth the type bookkeeping
  const key = encodeScalar(value)
  const bracket = typeBracket(value)
  if (key === undefined || !bracket) return null
  const sqlOp = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' }[op]
  const [low, high] = bracket
  if (op === '$gt' || op === '$gte') return { sql: `${column} ${sqlOp} ? AND ${column} < ?`, params: [key, high] }
  // Lower bound: numbers need only exclude NULL, which any comparison already does.
  if (low === null) return { sql: `${column} ${sqlOp} ?`, params: [key] }
  return { sql: `${column} >= ? AND ${column} ${sqlOp} ?`, params: [low, key] }
}
