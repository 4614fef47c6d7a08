// Tallies: counts kept up to date per combination of indexed fields, so that a `count()` of
// equality conditions costs a few key lookups whatever the size of the collection.
//
// A tally for fields (f1, …, fm) holds, for every tuple (k1, …, km) of index keys, how many
// documents match `f1 = k1 AND … AND fm = km`. A document's match keys for a field are what an
// equality can find it by: the scalar value, or each distinct scalar element of an array value
// (the element table's rows). A document adds one to every tuple of the cartesian product of its
// match keys, so a tuple's figure is exactly the count of that conjunction. Writes maintain every
// tally of the collection inside the write's own transaction (−1 for the old document, +1 for the
// new), so a tally is never behind a committed write and rolls back with it.
//
// Tallies are made on demand: the first count of a new combination builds it from the key
// columns and element rows in one pass (no document is parsed), later counts read it. A path
// through an array (ELEMENT_UNKNOWN) has no exact match keys: writing one drops the tallies of that
// field, and none is built while one exists; those counts go back to counting in SQL.
//
// A filter counts from tallies when it is a conjunction of `=`/`$in` on indexed fields, with `$or`
// of such anywhere: it is put in disjunctive form and counted by inclusion–exclusion,
//   |B1 ∪ … ∪ Bk| = Σ over non-empty S ⊆ {1…k} of (−1)^(|S|+1) · |∩ Bi for i in S|,
// each intersection again a conjunction. An `$in` on a field that holds no arrays is a sum over its
// values (a document has one value there); on an array field it is an `$or` of its values.
//
// When some term needs two elements of one array field at once (a feed seen with several tags),
// a tuple cannot say whether one document was counted twice. Those filters read a set tally
// instead: one row per distinct combination of each field's whole set of match keys (a post's
// set of target tags and its flag), so every document is in exactly one row and the count is the
// sum over the rows the filter accepts. It costs the number of distinct combinations — a handful
// for tags — not the number of documents. A filter on `_id` is counted in SQL (a unique key).
import type Database from 'better-sqlite3'
import { ELEMENT_UNKNOWN, elementKeysAt, encodeScalar, isScalarKey, keyAt, MULTI_HIGH, MULTI_LOW } from './keys'

type Key = string | number
type Doc = Record<string, unknown>

/** One condition of a conjunction: `field` equals one of `values` (raw query values). */
export interface Atom {
  field: string
  values: unknown[]
}

/** One inclusion–exclusion term: a conjunction counted with a sign. */
export interface Term {
  sign: 1 | -1
  atoms: Atom[]
}

/** Beyond this many branches inclusion–exclusion (2^k − 1 terms) costs more than counting in SQL. */
const MAX_BRANCHES = 5
/** Most key tuples one tally-counted term may add up (an `$in` on several fields multiplies). */
const MAX_TUPLES = 64

/**
 * The signed conjunctions whose counts add up to the filter's count, or null when the filter is
 * not only equalities and `$in` (then the store counts in SQL as before).
 * `arrayHeld(field)`: whether the field has element rows (some document holds an array there).
 */
export function countTerms(filter: Record<string, unknown>, arrayHeld: (field: string) => boolean): Term[] | null {
  const branches = disjunction(filter, arrayHeld, true)
  if (!branches || branches.length === 0 || branches.length > MAX_BRANCHES) return null
  const terms: Term[] = []
  for (let mask = 1; mask < 1 << branches.length; mask++) {
    const chosen = branches.filter((_b, i) => mask & (1 << i))
    const atoms = intersect(chosen.flat(), arrayHeld)
    if (atoms) terms.push({ sign: chosen.length % 2 === 1 ? 1 : -1, atoms })
  }
  return terms
}

/**
 * The filter as an OR of conjunctions that can each match, or null if it has other conditions
 * than equalities and `$in`. `expandArrays` turns an array field's `$in` into an `$or` of its values.
 */
export function branchesOf(filter: Record<string, unknown>, arrayHeld: (field: string) => boolean, expandArrays: boolean): Atom[][] | null {
  const branches = disjunction(filter, arrayHeld, expandArrays)
  if (!branches) return null
  return branches.map(b => intersect(b, arrayHeld)).filter((b): b is Atom[] => b !== null)
}

function disjunction(filter: Record<string, unknown>, arrayHeld: (field: string) => boolean, expandArrays: boolean): Atom[][] | null {
  let result: Atom[][] = [[]]
  const and = (alternatives: Atom[][] | null): boolean => {
    if (!alternatives) return false
    result = result.flatMap(conj => alternatives.map(alt => [...conj, ...alt]))
    return result.length <= MAX_BRANCHES
  }
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const sub of value) if (!isPlainObject(sub) || !and(disjunction(sub, arrayHeld, expandArrays))) return null
    } else if (key === '$or' && Array.isArray(value) && value.length > 0) {
      const alternatives: Atom[][] = []
      for (const sub of value) {
        const branch = isPlainObject(sub) ? disjunction(sub, arrayHeld, expandArrays) : null
        if (!branch) return null
        alternatives.push(...branch)
      }
      if (!and(alternatives)) return null
    } else if (key.startsWith('$')) {
      return null
    } else {
      const values = equalsAny(value)
      if (!values) return null
      // an array field's $in is a union of element sets that overlap: an $or of its values
      const alternatives = expandArrays && values.length > 1 && key !== '_id' && arrayHeld(key) ? values.map(v => [{ field: key, values: [v] }]) : [[{ field: key, values }]]
      if (!and(alternatives)) return null
    }
  }
  return result
}

/** The values a field condition accepts when it is `= v`, `{$eq: v}` or `{$in: [...]}` of scalars. */
function equalsAny(cond: unknown): unknown[] | null {
  if (isScalarKey(cond)) return [cond]
  if (!isPlainObject(cond)) return null
  const ops = Object.keys(cond)
  if (ops.length !== 1) return null
  const arg = cond[ops[0]]
  if (ops[0] === '$eq' && isScalarKey(arg)) return [arg]
  if (ops[0] === '$in' && Array.isArray(arg) && arg.length > 0 && arg.every(isScalarKey)) return arg
  return null
}

/**
 * One conjunction from the atoms of several branches: conditions on a single-valued field (or
 * `_id`) intersect their values; on an array field distinct conditions stay separate atoms (a
 * document may hold elements for both). Null when the intersection is empty, so the term counts nothing.
 */
function intersect(atoms: Atom[], arrayHeld: (field: string) => boolean): Atom[] | null {
  const byField = new Map<string, Atom[]>()
  for (const atom of atoms) byField.set(atom.field, [...(byField.get(atom.field) ?? []), atom])
  const out: Atom[] = []
  for (const [field, list] of byField) {
    if (field !== '_id' && arrayHeld(field)) {
      const seen = new Map<string, Atom>()
      for (const atom of list) seen.set(JSON.stringify(atom.values.map(valueKey).sort()), atom)
      out.push(...seen.values())
      continue
    }
    let kept = new Map(list[0].values.map(v => [valueKey(v), v]))
    for (const atom of list.slice(1)) {
      const other = new Set(atom.values.map(valueKey))
      kept = new Map([...kept].filter(([k]) => other.has(k)))
    }
    if (kept.size === 0) return null
    out.push({ field, values: [...kept.values()] })
  }
  return out
}

/** The key two query values share exactly when an equality treats them as the same. */
const valueKey = (value: unknown): string => JSON.stringify([encodeScalar(value) ?? null, typeof value])

/** Whether a tally can count this conjunction: each field once, an array field with one value, no `_id`. */
export function tallyFields(atoms: Atom[], arrayHeld: (field: string) => boolean): string[] | null {
  const fields = atoms.map(a => a.field)
  if (new Set(fields).size !== fields.length || fields.includes('_id')) return null
  if (atoms.some(a => a.values.length > 1 && arrayHeld(a.field))) return null
  if (atoms.reduce((n, a) => n * a.values.length, 1) > MAX_TUPLES) return null
  return [...fields].sort()
}

/** The keys an equality on `field` finds `doc` by; 'unknown' for a path through an array. */
export function matchKeys(doc: Doc, field: string): Key[] | 'unknown' {
  const elements = elementKeysAt(doc, field)
  if (elements.includes(ELEMENT_UNKNOWN)) return 'unknown'
  if (elements.length) return elements
  const key = keyAt(doc, field)
  return key === null || (typeof key === 'string' && key.startsWith(MULTI_LOW)) ? [] : [key]
}

/** What the tallies need to know of a collection. */
export interface TallySpace {
  name: string
  /** quoted collection table */
  table: string
  /** quoted element table */
  elements: string
  /** indexed field -> quoted key column */
  columns: Map<string, string>
}

/** Combination names of set tallies start with this (tuple tallies are a bare JSON list). */
const SETS = 'sets:'

const q = (identifier: string): string => '"' + identifier.replace(/"/g, '""') + '"'
const tupleText = (keys: Key[]): string => JSON.stringify(keys)

/** The tally tables of one store: `_tallies` lists the combinations, `t:<collection>` their figures. */
export class Tallies {
  private readonly combosOf: Database.Statement
  private readonly register: Database.Statement
  private readonly unregister: Database.Statement
  private readonly parsed = new Map<string, string[]>()
  private readonly statements = new Map<string, Database.Statement>()

  constructor(private readonly db: Database.Database) {
    db.exec('CREATE TABLE IF NOT EXISTS _tallies (collection TEXT NOT NULL, combo TEXT NOT NULL, PRIMARY KEY (collection, combo)) WITHOUT ROWID')
    this.combosOf = db.prepare('SELECT combo FROM _tallies WHERE collection = ?').pluck()
    this.register = db.prepare('INSERT INTO _tallies (collection, combo) VALUES (?, ?)')
    this.unregister = db.prepare('DELETE FROM _tallies WHERE collection = ? AND combo = ?')
  }

  /** Creates the figures table of a collection (idempotent). */
  prepare(space: TallySpace): void {
    this.db.exec(`CREATE TABLE IF NOT EXISTS ${this.table(space)} (combo TEXT NOT NULL, tuple TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (combo, tuple)) WITHOUT ROWID`)
  }

  /**
   * How many documents match the conjunction, from the tally of its fields (built now if missing).
   * `fields` sorted, as tallyFields returns them.
   */
  count(space: TallySpace, fields: string[], atoms: Atom[]): number {
    const combo = JSON.stringify(fields)
    if (!(this.combosOf.all(space.name) as string[]).includes(combo)) this.build(space, fields, combo, false)
    const valuesOf = fields.map(f => atoms.find(a => a.field === f)!.values.map(v => encodeScalar(v)!))
    let tuples: Key[][] = [[]]
    for (const values of valuesOf) tuples = tuples.flatMap(t => values.map(v => [...t, v]))
    const read = this.statement(`SELECT n FROM ${this.table(space)} WHERE combo = ? AND tuple = ?`).pluck()
    return tuples.reduce((sum, t) => sum + ((read.get(combo, tupleText(t)) as number | undefined) ?? 0), 0)
  }

  /**
   * How many documents match any of `branches` (conjunctions of atoms, no `_id`), from the set
   * tally of their fields (built now if missing).
   */
  countSets(space: TallySpace, branches: Atom[][]): number {
    const fields = [...new Set(branches.flat().map(a => a.field))].sort()
    const combo = SETS + JSON.stringify(fields)
    if (!(this.combosOf.all(space.name) as string[]).includes(combo)) this.build(space, fields, combo, true)
    const wanted = branches.map(atoms => atoms.map(a => ({ at: fields.indexOf(a.field), keys: new Set(a.values.map(v => encodeScalar(v)!)) })))
    const rows = this.statement(`SELECT tuple, n FROM ${this.table(space)} WHERE combo = ?`).raw().all(combo) as Array<[string, number]>
    let total = 0
    for (const [tuple, n] of rows) {
      const sets = JSON.parse(tuple) as Key[][]
      if (wanted.some(atoms => atoms.every(a => sets[a.at].some(k => a.keys.has(k))))) total += n
    }
    return total
  }

  /**
   * Brings every tally of the collection in line with one write, inside its transaction.
   * `before` (read only when a tally exists) and `after`: the document, or null when there is none.
   */
  apply(space: TallySpace, before: () => Doc | null, after: Doc | null): void {
    const combos = this.combosOf.all(space.name) as string[]
    if (combos.length === 0) return
    const previous = before()
    const add = this.statement(`INSERT INTO ${this.table(space)} (combo, tuple, n) VALUES (?, ?, ?) ON CONFLICT (combo, tuple) DO UPDATE SET n = n + excluded.n`)
    const prune = this.statement(`DELETE FROM ${this.table(space)} WHERE combo = ? AND tuple = ? AND n = 0`)
    for (const combo of combos) {
      const fields = this.fieldsOf(combo)
      const of = combo.startsWith(SETS) ? setTupleOf : tuplesOf
      const old = previous ? of(previous, fields) : []
      const now = after ? of(after, fields) : []
      if (old === 'unknown' || now === 'unknown') {
        this.drop(space, combo)
        continue
      }
      const delta = new Map<string, number>()
      for (const t of old) delta.set(t, (delta.get(t) ?? 0) - 1)
      for (const t of now) delta.set(t, (delta.get(t) ?? 0) + 1)
      for (const [tuple, n] of delta) {
        if (n === 0) continue
        add.run(combo, tuple, n)
        if (n < 0) prune.run(combo, tuple)
      }
    }
  }

  private build(space: TallySpace, fields: string[], combo: string, sets: boolean): void {
    if (sets) return this.buildSets(space, fields, combo)
    // per field, the (rid, key) pairs an equality finds: scalar column keys and array elements
    const keyed = fields.map((f, i) => `(${this.keyedSql(space, f)}) AS f${i}`)
    const join = keyed.map((k, i) => (i === 0 ? k : `JOIN ${k} USING (rid)`)).join(' ')
    const keys = fields.map((_f, i) => `f${i}.key`).join(', ')
    const rows = this.db.prepare(`SELECT ${keys}, count(*) AS n FROM ${join} GROUP BY ${keys}`).raw().all(...fields) as Key[][]
    const insert = this.db.prepare(`INSERT INTO ${this.table(space)} (combo, tuple, n) VALUES (?, ?, ?)`)
    this.db.transaction(() => {
      this.register.run(space.name, combo)
      for (const row of rows) insert.run(combo, tupleText(row.slice(0, fields.length)), row[fields.length])
    })()
  }

  /** One row per distinct combination of key sets, from the key columns and element rows. */
  private buildSets(space: TallySpace, fields: string[], combo: string): void {
    const keysOf = new Map<number, Key[][]>()
    for (const rid of this.db.prepare(`SELECT rid FROM ${space.table}`).pluck().all() as number[]) keysOf.set(rid, fields.map(() => []))
    fields.forEach((f, i) => {
      for (const [rid, key] of this.db.prepare(this.keyedSql(space, f)).raw().all(f) as Array<[number, Key]>) keysOf.get(rid)![i].push(key)
    })
    const counts = new Map<string, number>()
    for (const keys of keysOf.values()) {
      const tuple = setTupleText(keys)
      counts.set(tuple, (counts.get(tuple) ?? 0) + 1)
    }
    const insert = this.db.prepare(`INSERT INTO ${this.table(space)} (combo, tuple, n) VALUES (?, ?, ?)`)
    this.db.transaction(() => {
      this.register.run(space.name, combo)
      for (const [tuple, n] of counts) insert.run(combo, tuple, n)
    })()
  }

  /** (rid, key) for every key an equality on `field` finds a document by: scalar column keys and array elements. */
  private keyedSql(space: TallySpace, field: string): string {
    const column = space.columns.get(field)!
    return (
      `SELECT rid, ${column} AS key FROM ${space.table} WHERE ${column} IS NOT NULL AND NOT (${column} >= '${MULTI_LOW}' AND ${column} < '${MULTI_HIGH}') ` +
      `UNION ALL SELECT rid, key FROM ${space.elements} WHERE field = ?`
    )
  }

  private drop(space: TallySpace, combo: string): void {
    this.unregister.run(space.name, combo)
    this.db.prepare(`DELETE FROM ${this.table(space)} WHERE combo = ?`).run(combo)
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql)
    if (!statement) this.statements.set(sql, (statement = this.db.prepare(sql)))
    return statement
  }

  private fieldsOf(combo: string): string[] {
    let fields = this.parsed.get(combo)
    if (!fields) this.parsed.set(combo, (fields = JSON.parse(combo.startsWith(SETS) ? combo.slice(SETS.length) : combo) as string[]))
    return fields
  }

  private table(space: TallySpace): string {
    return q('t:' + space.name)
  }
}

/** The one tuple a document adds one to in the set tally of `fields`. */
function setTupleOf(doc: Doc, fields: string[]): string[] | 'unknown' {
  const keys: Key[][] = []
  for (const field of fields) {
    const found = matchKeys(doc, field)
    if (found === 'unknown') return 'unknown'
    keys.push(found)
  }
  return [setTupleText(keys)]
}

/** Each field's keys as a sorted set, so one combination always has one text. */
const setTupleText = (keys: Key[][]): string =>
  JSON.stringify(keys.map(list => [...new Set(list)].sort((a, b) => (typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1))))

/** The tuple texts a document adds one to in the tally of `fields`. */
function tuplesOf(doc: Doc, fields: string[]): string[] | 'unknown' {
  let tuples: Key[][] = [[]]
  for (const field of fields) {
    const keys = matchKeys(doc, field)
    if (keys === 'unknown') return 'unknown'
    tuples = tuples.flatMap(t => keys.map(k => [...t, k]))
  }
  return tuples.map(tupleText)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return !!value && typeof value === 'object' && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp)
}
