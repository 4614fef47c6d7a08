// The durable document store beneath localcloud's database service: one SQLite file (WAL), one
// table per collection, each document one canonical-EJSON row. MongoDB semantics (filters, updates,
// sorting, projection, aggregation) come from mingo; SQLite narrows candidates through real indexes
// on key columns (see keys.ts / narrow.ts) and makes every write atomic and durable.
//
// All methods are synchronous: a read-match-write runs inside one SQLite transaction with no await
// in between, so a conditional update is atomic against every other caller in the process.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { EJSON } from 'bson'
import { Aggregator, Query, find as mingoFind, update as mingoUpdate } from 'mingo'
import { ELEMENT_UNKNOWN, elementKeysAt, keyAt, keyBracket, MULTI_HIGH, MULTI_LOW, type KeyValue } from './keys'
import { narrow, type KeySpace, type Narrowed } from './narrow'
import { branchesOf, countTerms, Tallies, tallyFields, type TallySpace } from './tallies'

export type DocId = string | number
export type Doc = Record<string, unknown>
export type Filter = Record<string, unknown>
export type SortSpec = Record<string, 1 | -1>

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

export interface CollectionSpec {
  name: string
  indexes?: IndexSpec[]
}

export interface FindOptions {
  sort?: SortSpec
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

/** Called inside the write's SQLite transaction with the document as it was before (null: did not exist). */
export type WriteObserver = (collection: string, id: DocId, beforeText: string | null) => void

export class CollectionMissingError extends Error {
  constructor(readonly collection: string) {
    super(`collection ${collection} does not exist`)
  }
}

export class CollectionExistsError extends Error {
  constructor(readonly collection: string) {
    super(`collection ${collection} already exists`)
  }
}

export class DuplicateKeyError extends Error {
  constructor(readonly collection: string, readonly index: string, readonly key: Record<string, unknown>) {
    const shown = Object.entries(key).map(([k, v]) => `${k}: ${EJSON.stringify(v as never)}`).join(', ')
    super(`E11000 duplicate key error collection: ${collection} index: ${index} dup key: { ${shown} }`)
  }
}

export class InvalidDocumentError extends Error {}

interface Row {
  rid: number
  doc: string
}

interface CollectionMeta {
  name: string
  table: string
  /** indexed field path -> quoted column (includes _id -> id) */
  columns: Map<string, string>
  /** secondary indexed fields in column order */
  fields: string[]
  indexes: IndexSpec[]
  /** quoted element table: (field, key, rid), one row per scalar element of an indexed array value */
  elements: string
  /** how the tallies see this collection (see tallies.ts) */
  tallied: TallySpace
  /** per sort-planned field: the type brackets its keys have held (kept up to date by writes) */
  brackets: Map<string, Set<string | null>>
  insert: Database.Statement
  insertElement: Database.Statement
  removeElements: Database.Statement
  byRid: Database.Statement
  rewrite: Database.Statement
  remove: Database.Statement
  byId: Database.Statement
}

const q = (identifier: string): string => '"' + identifier.replace(/"/g, '""') + '"'
const keyColumn = (field: string): string => q('k:' + field)

export function encodeDoc(doc: Doc): string {
  return EJSON.stringify(doc, { relaxed: false })
}

export function decodeDoc(text: string): Doc {
  return EJSON.parse(text) as Doc
}

export class Store {
  readonly db: Database.Database
  /** Documents parsed and tested against a filter since open; tests read it to prove narrowing. */
  readonly stats = { docsExamined: 0 }
  private collections = new Map<string, CollectionMeta>()
  private observers: WriteObserver[] = []
  private readonly tallies: Tallies

  constructor(file: string) {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    this.db = new Database(file)
    // WAL + synchronous=NORMAL: a commit is in the WAL file (the OS page cache) before the call
    // returns, so it survives a crash or kill -9 of this process; only an OS crash or power loss
    // can lose the last commits. FULL would fsync every commit to survive those too.
    this.db.pragma('journal_mode = WAL')
    this.db.pragma('synchronous = NORMAL')
    this.db.pragma('busy_timeout = 5000')
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS _collections (name TEXT PRIMARY KEY, created_at INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS _indexes (
        collection TEXT NOT NULL, name TEXT NOT NULL, keys TEXT NOT NULL, is_unique INTEGER NOT NULL,
        PRIMARY KEY (collection, name));
    `)
    this.tallies = new Tallies(this.db)
    const names = this.db.prepare('SELECT name FROM _collections ORDER BY name').pluck().all() as string[]
    for (const name of names) this.load(name)
  }

  close(): void {
    if (this.db.open) this.db.close()
  }

  onWrite(observer: WriteObserver): void {
    this.observers.push(observer)
  }

  /** Runs `fn` in one SQLite transaction (nested calls become savepoints). */
  atomic<T>(fn: () => T): T {
    return this.db.transaction(fn)()
  }

  // ---- collections and indexes -------------------------------------------------------------

  listCollections(): string[] {
    return [...this.collections.keys()].sort()
  }

  hasCollection(name: string): boolean {
    return this.collections.has(name)
  }

  createCollection(name: string, createdAt = Date.now()): void {
    if (this.collections.has(name)) throw new CollectionExistsError(name)
    this.atomic(() => {
      this.db.exec(`CREATE TABLE IF NOT EXISTS ${q('c:' + name)} (rid INTEGER PRIMARY KEY, id NOT NULL UNIQUE, doc TEXT NOT NULL)`)
      this.db.prepare('INSERT INTO _collections (name, created_at) VALUES (?, ?)').run(name, createdAt)
    })
    this.load(name)
  }

  /** Creates the collection if missing and every declared index (idempotent; backfills new key columns). */
  ensureCollection(spec: CollectionSpec): void {
    if (!this.collections.has(spec.name)) this.createCollection(spec.name)
    for (const index of spec.indexes ?? []) this.ensureIndex(spec.name, index)
  }

  ensureIndex(collection: string, index: IndexSpec): void {
    const meta = this.meta(collection)
    const fields = Object.keys(index.keys)
    if (!index.name || fields.length === 0) throw new Error(`index of ${collection} needs a name and at least one key`)
    this.atomic(() => {
      const existing = new Set(
        (this.db.prepare(`PRAGMA table_info(${q(meta.table)})`).all() as Array<{ name: string }>).map(c => c.name),
      )
      const added = fields.filter(f => f !== '_id' && !existing.has('k:' + f))
      for (const field of added) this.db.exec(`ALTER TABLE ${q(meta.table)} ADD COLUMN ${keyColumn(field)}`)
      if (added.length) {
        const rows = this.db.prepare(`SELECT rid, doc FROM ${q(meta.table)}`).all() as Row[]
        const sets = added.map(f => `${keyColumn(f)} = ?`).join(', ')
        const write = this.db.prepare(`UPDATE ${q(meta.table)} SET ${sets} WHERE rid = ?`)
        const element = this.db.prepare(`INSERT OR IGNORE INTO ${meta.elements} (field, key, rid) VALUES (?, ?, ?)`)
        for (const row of rows) {
          const doc = decodeDoc(row.doc)
          write.run(...added.map(f => keyAt(doc, f)), row.rid)
          for (const f of added) for (const key of elementKeysAt(doc, f)) element.run(f, key, row.rid)
        }
      }
      const cols = fields.map(f => (f === '_id' ? 'id' : keyColumn(f)) + (index.keys[f] === -1 ? ' DESC' : ' ASC')).join(', ')
      try {
        this.db.exec(`CREATE ${index.unique ? 'UNIQUE ' : ''}INDEX IF NOT EXISTS ${q(`i:${collection}:${index.name}`)} ON ${q(meta.table)} (${cols})`)
      } catch (err) {
        throw new Error(`cannot create index ${index.name} on ${collection}: ${(err as Error).message}`)
      }
      this.db
        .prepare('INSERT OR REPLACE INTO _indexes (collection, name, keys, is_unique) VALUES (?, ?, ?, ?)')
        .run(collection, index.name, JSON.stringify(index.keys), index.unique ? 1 : 0)
    })
    this.load(collection)
  }

  /** EXPLAIN QUERY PLAN of the candidate query a filter produces (for tests and the bench). */
  explain(collection: string, filter: Filter, sort?: SortSpec): string[] {
    const meta = this.meta(collection)
    const ordered = sort && Object.keys(sort).length ? this.orderedSql(meta, filter, sort) : null
    const { sql, params } = ordered ?? this.candidateSql(meta, filter)
    return (this.db.prepare('EXPLAIN QUERY PLAN ' + sql).all(...params) as Array<{ detail: string }>).map(r => r.detail)
  }

  // ---- reads ------------------------------------------------------------------------------

  get(collection: string, id: DocId): Doc | null {
    const row = this.meta(collection).byId.get(id) as Row | undefined
    return row ? decodeDoc(row.doc) : null
  }

  /** Raw canonical EJSON of one document, or null. */
  getText(collection: string, id: DocId): string | null {
    const row = this.meta(collection).byId.get(id) as Row | undefined
    return row ? row.doc : null
  }

  find(collection: string, filter: Filter = {}, options: FindOptions = {}): Doc[] {
    const meta = this.meta(collection)
    const skip = options.skip ?? 0
    const limit = options.limit
    let docs: Doc[]
    const sort = options.sort && Object.keys(options.sort).length ? options.sort : null
    const ordered = sort ? this.findOrdered(meta, filter, sort, skip, limit) : null
    if (ordered) {
      docs = ordered
    } else if (sort) {
      // no key column can give this order faithfully: sort the matches in memory
      const matched = this.matching(meta, filter).map(m => m.doc)
      docs = mingoFind(matched, {}).sort(sort).skip(skip).limit(limit ?? Number.MAX_SAFE_INTEGER).all() as Doc[]
    } else {
      // Natural (insertion) order: stream rows and stop as soon as the page is full.
      docs = []
      let skipped = 0
      this.scan(meta, filter, doc => {
        if (skipped < skip) {
          skipped++
          return true
        }
        docs.push(doc)
        return limit === undefined || docs.length < limit
      })
    }
    return options.projection && Object.keys(options.projection).length ? project(docs, options.projection) : docs
  }

  count(collection: string, filter: Filter = {}): number {
    const meta = this.meta(collection)
    if (Object.keys(filter).length === 0) {
      return (this.db.prepare(`SELECT count(*) AS n FROM ${q(meta.table)}`).get() as { n: number }).n
    }
    const space = this.keySpace(meta)
    const cond = narrow(filter, space)
    if (cond?.exact) {
      // the condition is the filter: no document is parsed. Equalities read kept tallies; the
      // rest has SQLite count index entries.
      return this.countTallied(meta, filter, space) ?? this.countSql(meta, cond)
    }
    let n = 0
    this.scan(meta, filter, () => {
      n++
      return true
    })
    return n
  }

  /**
   * The count of an exact filter made of equalities (see tallies.ts), or null for any other:
   * inclusion–exclusion over tuple tallies when every term has one, else a set tally.
   */
  private countTallied(meta: CollectionMeta, filter: Filter, space: KeySpace): number | null {
    const held = new Map<string, boolean>()
    const arrayHeld = (field: string): boolean => {
      let h = held.get(field)
      if (h === undefined) held.set(field, (h = space.elementsOf(field) !== 'none'))
      return h
    }
    const terms = countTerms(filter, arrayHeld)
    if (!terms) return null
    const tallied = terms.map(term => tallyFields(term.atoms, arrayHeld))
    if (tallied.every(fields => fields !== null)) {
      return terms.reduce((sum, term, i) => sum + term.sign * this.tallies.count(meta.tallied, tallied[i]!, term.atoms), 0)
    }
    const branches = branchesOf(filter, arrayHeld, false)
    if (!branches || branches.some(atoms => atoms.some(a => a.field === '_id'))) return null
    if (branches.length === 0) return 0 // every branch asks one field for two values at once
    return this.tallies.countSets(meta.tallied, branches)
  }

  private countSql(meta: CollectionMeta, cond: Narrowed): number {
    return (this.db.prepare(`SELECT count(*) AS n FROM ${q(meta.table)} WHERE ${cond.sql}`).get(...cond.params) as { n: number }).n
  }

  aggregate(collection: string, pipeline: Doc[]): Doc[] {
    const meta = this.meta(collection)
    // A leading $match narrows through the indexes like a find does.
    const first = pipeline[0]
    const filter = first && '$match' in first ? (first.$match as Filter) : {}
    const docs = this.matching(meta, filter).map(m => m.doc)
    const rest = first && '$match' in first ? pipeline.slice(1) : pipeline
    const options = { collectionResolver: (name: string) => (this.collections.has(name) ? this.find(name) : []) }
    // $sample draws without replacement here (mingo's may repeat a document): run the stages
    // around each $sample with mingo and draw the sample ourselves.
    let current = docs
    let segment: Doc[] = []
    const flush = () => {
      if (segment.length) current = new Aggregator(segment, options).run(current) as Doc[]
      segment = []
    }
    for (const stage of rest) {
      if (!('$sample' in stage)) {
        segment.push(stage)
        continue
      }
      flush()
      current = sampleWithoutReplacement(current, Number((stage.$sample as { size?: unknown })?.size ?? 0))
    }
    flush()
    return current
  }

  // ---- writes -----------------------------------------------------------------------------

  /** Inserts a document that already carries its `_id`. */
  insert(collection: string, doc: Doc): DocId {
    const meta = this.meta(collection)
    const id = checkId(doc._id)
    this.atomic(() => {
      this.notify(collection, id, null)
      const keys = this.keysOf(meta, doc)
      let rid = 0
      this.runUnique(meta, doc, () => {
        rid = Number(meta.insert.run(id, encodeDoc(doc), ...keys).lastInsertRowid)
      })
      this.writeElements(meta, doc, rid)
      this.tallies.apply(meta.tallied, () => null, doc)
    })
    return id
  }

  /** Replaces the document with the same `_id`, or inserts it. */
  put(collection: string, doc: Doc): 'inserted' | 'replaced' {
    const meta = this.meta(collection)
    const id = checkId(doc._id)
    return this.atomic(() => {
      const row = meta.byId.get(id) as Row | undefined
      if (!row) {
        this.insert(collection, doc)
        return 'inserted' as const
      }
      this.rewrite(meta, row, doc)
      return 'replaced' as const
    })
  }

  /**
   * Applies a MongoDB update document to the first (or every) match, atomically.
   * `modified` counts documents whose content changed, like MongoDB's nModified.
   */
  update(collection: string, filter: Filter, modifier: Doc, options: { multi: boolean }): { matched: number; modified: number } {
    const meta = this.meta(collection)
    return this.atomic(() => {
      const matches = this.matching(meta, filter, options.multi ? undefined : 1)
      let modified = 0
      for (const { row, doc } of matches) {
        const changed = mingoUpdate(doc, modifier as never)
        if (changed.length === 0) continue
        if (doc._id !== undefined && decodeDoc(row.doc)._id !== doc._id) throw new InvalidDocumentError('cannot modify _id')
        this.rewrite(meta, row, doc)
        modified++
      }
      return { matched: matches.length, modified }
    })
  }

  /** Replaces one document by id with a whole new body; returns whether it existed. */
  replaceById(collection: string, id: DocId, doc: Doc): boolean {
    const meta = this.meta(collection)
    return this.atomic(() => {
      const row = meta.byId.get(id) as Row | undefined
      if (!row) return false
      this.rewrite(meta, row, { ...doc, _id: id })
      return true
    })
  }

  remove(collection: string, filter: Filter, options: { multi: boolean }): number {
    const meta = this.meta(collection)
    return this.atomic(() => {
      const matches = this.matching(meta, filter, options.multi ? undefined : 1)
      for (const { row, doc } of matches) {
        this.notify(collection, doc._id as DocId, row.doc)
        meta.remove.run(row.rid)
        meta.removeElements.run(row.rid)
        this.tallies.apply(meta.tallied, () => doc, null)
      }
      return matches.length
    })
  }

  removeById(collection: string, id: DocId): boolean {
    const meta = this.meta(collection)
    return this.atomic(() => {
      const row = meta.byId.get(id) as Row | undefined
      if (!row) return false
      this.notify(collection, id, row.doc)
      meta.remove.run(row.rid)
      meta.removeElements.run(row.rid)
      this.tallies.apply(meta.tallied, () => decodeDoc(row.doc), null)
      return true
    })
  }

  // ---- internals --------------------------------------------------------------------------

  private meta(collection: string): CollectionMeta {
    const meta = this.collections.get(collection)
    if (!meta) throw new CollectionMissingError(collection)
    return meta
  }

  private load(name: string): void {
    const table = 'c:' + name
    const indexRows = this.db.prepare('SELECT name, keys, is_unique FROM _indexes WHERE collection = ? ORDER BY name').all(name) as Array<{
      name: string
      keys: string
      is_unique: number
    }>
    const indexes: IndexSpec[] = indexRows.map(r => ({ name: r.name, keys: JSON.parse(r.keys), unique: r.is_unique === 1 }))
    const fields = [...new Set(indexes.flatMap(i => Object.keys(i.keys)).filter(f => f !== '_id'))]
    const columns = new Map<string, string>([['_id', 'id'], ...fields.map(f => [f, keyColumn(f)] as [string, string])])
    const keyCols = fields.map(keyColumn)
    const elements = q('e:' + name)
    const hadElements = this.db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get('e:' + name) !== undefined
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS ${elements} (field TEXT NOT NULL, key NOT NULL, rid INTEGER NOT NULL, PRIMARY KEY (field, key, rid)) WITHOUT ROWID;
      CREATE INDEX IF NOT EXISTS ${q('ie:' + name)} ON ${elements} (rid);
    `)
    const meta: CollectionMeta = {
      name,
      table,
      columns,
      fields,
      indexes,
      elements,
      tallied: { name, table: q(table), elements, columns },
      brackets: this.collections.get(name)?.brackets ?? new Map(),
      insertElement: this.db.prepare(`INSERT OR IGNORE INTO ${elements} (field, key, rid) VALUES (?, ?, ?)`),
      removeElements: this.db.prepare(`DELETE FROM ${elements} WHERE rid = ?`),
      byRid: this.db.prepare(`SELECT doc FROM ${q(table)} WHERE rid = ?`),
      insert: this.db.prepare(
        `INSERT INTO ${q(table)} (id, doc${keyCols.map(c => ', ' + c).join('')}) VALUES (?, ?${keyCols.map(() => ', ?').join('')})`,
      ),
      rewrite: this.db.prepare(`UPDATE ${q(table)} SET doc = ?${keyCols.map(c => `, ${c} = ?`).join('')} WHERE rid = ?`),
      remove: this.db.prepare(`DELETE FROM ${q(table)} WHERE rid = ?`),
      byId: this.db.prepare(`SELECT rid, doc FROM ${q(table)} WHERE id = ?`),
    }
    this.collections.set(name, meta)
    this.tallies.prepare(meta.tallied)
    // a store written before element rows existed: give its array values theirs, once
    if (!hadElements && keyCols.length) {
      const multi = keyCols.map(c => `(${c} >= '${MULTI_LOW}' AND ${c} < '${MULTI_HIGH}')`).join(' OR ')
      this.atomic(() => {
        for (const row of this.db.prepare(`SELECT rid, doc FROM ${q(table)} WHERE ${multi}`).all() as Row[]) {
          this.writeElements(meta, decodeDoc(row.doc), row.rid)
        }
      })
    }
  }

  /** How narrow() sees this collection: its key columns, and per field what its element rows hold. */
  private keySpace(meta: CollectionMeta): KeySpace {
    const any = this.db.prepare(`SELECT 1 FROM ${meta.elements} WHERE field = ? LIMIT 1`)
    const unknown = this.db.prepare(`SELECT 1 FROM ${meta.elements} WHERE field = ? AND key = ? LIMIT 1`)
    return {
      columns: meta.columns,
      table: q(meta.table),
      elements: meta.elements,
      elementsOf: field => (any.get(field) === undefined ? 'none' : unknown.get(field, ELEMENT_UNKNOWN) === undefined ? 'known' : 'unknown'),
    }
  }

  /**
   * Whether SQLite can give `field`'s order exactly as mingo sorts: `_id`, or a key column whose
   * values all share one type bracket (SQLite orders brackets differently from BSON) and are no
   * arrays or objects. Missing and null sort first ascending and last descending in both.
   */
  private sortable(meta: CollectionMeta, field: string): boolean {
    if (field === '_id') return true
    const column = meta.columns.get(field)
    if (!column) return false
    let brackets = meta.brackets.get(field)
    if (!brackets) {
      const rows = this.db
        .prepare(`SELECT DISTINCT CASE WHEN typeof(${column}) IN ('integer', 'real') THEN 'n' ELSE substr(${column}, 1, 2) END AS b FROM ${q(meta.table)} WHERE ${column} IS NOT NULL`)
        .pluck()
        .all() as string[]
      brackets = new Set(rows)
      meta.brackets.set(field, brackets)
    }
    const typed = [...brackets].filter(b => b !== null)
    return typed.length <= 1 && typed[0] !== MULTI_LOW
  }

  /** The SQL that lists matching rids in `sort` order (ties in insertion order, as mingo's stable sort), or null. */
  private orderedSql(meta: CollectionMeta, filter: Filter, sort: SortSpec): { sql: string; params: unknown[]; cond: Narrowed | null } | null {
    const fields = Object.keys(sort)
    if (!fields.every(f => this.sortable(meta, f))) return null
    const cond = narrow(filter, { ...this.keySpace(meta), walkOrder: true })
    const order = fields.map(f => `${meta.columns.get(f)} ${sort[f] === -1 ? 'DESC' : 'ASC'}`).join(', ')
    const where = cond ? ` WHERE ${cond.sql}` : ''
    return { sql: `SELECT rid FROM ${q(meta.table)}${where} ORDER BY ${order}, rid ASC`, params: cond ? cond.params : [], cond }
  }

  /**
   * A sorted page read in index order: an exact filter pages in SQL (only the page is parsed);
   * otherwise rows stream in order through mingo until the page is full.
   */
  private findOrdered(meta: CollectionMeta, filter: Filter, sort: SortSpec, skip: number, limit: number | undefined): Doc[] | null {
    const plan = this.orderedSql(meta, filter, sort)
    if (!plan) return null
    const exact = Object.keys(filter).length === 0 || plan.cond?.exact === true
    const load = (rid: number): Doc => {
      this.stats.docsExamined++
      return decodeDoc((meta.byRid.get(rid) as { doc: string }).doc)
    }
    if (exact) {
      const rids = this.db.prepare(`${plan.sql} LIMIT ? OFFSET ?`).pluck().all(...plan.params, limit ?? -1, skip) as number[]
      return rids.map(load)
    }
    const query = new Query(filter)
    const docs: Doc[] = []
    let skipped = 0
    if (limit === 0) return docs
    for (const rid of this.db.prepare(plan.sql).pluck().iterate(...plan.params) as IterableIterator<number>) {
      const doc = load(rid)
      if (!query.test(doc)) continue
      if (skipped < skip) {
        skipped++
        continue
      }
      docs.push(doc)
      if (limit !== undefined && docs.length >= limit) break
    }
    return docs
  }

  private candidateSql(meta: CollectionMeta, filter: Filter): { sql: string; params: unknown[] } {
    const cond = narrow(filter, this.keySpace(meta))
    const where = cond ? ` WHERE ${cond.sql}` : ''
    return { sql: `SELECT rid, doc FROM ${q(meta.table)}${where} ORDER BY rid`, params: cond ? cond.params : [] }
  }

  /** Streams matching documents in insertion order until `visit` returns false. */
  private scan(meta: CollectionMeta, filter: Filter, visit: (doc: Doc, row: Row) => boolean): void {
    const { sql, params } = this.candidateSql(meta, filter)
    const query = Object.keys(filter).length ? new Query(filter) : null
    for (const row of this.db.prepare(sql).iterate(...params) as IterableIterator<Row>) {
      const doc = decodeDoc(row.doc)
      this.stats.docsExamined++
      if (query && !query.test(doc)) continue
      if (!visit(doc, row)) break // leaving the loop closes the statement
    }
  }

  private matching(meta: CollectionMeta, filter: Filter, max?: number): Array<{ row: Row; doc: Doc }> {
    const out: Array<{ row: Row; doc: Doc }> = []
    this.scan(meta, filter, (doc, row) => {
      out.push({ row, doc })
      return max === undefined || out.length < max
    })
    return out
  }

  private rewrite(meta: CollectionMeta, row: Row, doc: Doc): void {
    const id = checkId(doc._id)
    this.notify(meta.name, id, row.doc)
    const keys = this.keysOf(meta, doc)
    this.runUnique(meta, doc, () => meta.rewrite.run(encodeDoc(doc), ...keys, row.rid))
    meta.removeElements.run(row.rid)
    this.writeElements(meta, doc, row.rid)
    this.tallies.apply(meta.tallied, () => decodeDoc(row.doc), doc)
  }

  /** The key columns of a document, noting their type brackets for the sort planner. */
  private keysOf(meta: CollectionMeta, doc: Doc): KeyValue[] {
    return meta.fields.map(f => {
      const key = keyAt(doc, f)
      meta.brackets.get(f)?.add(keyBracket(key))
      return key
    })
  }

  private writeElements(meta: CollectionMeta, doc: Doc, rid: number): void {
    for (const f of meta.fields) for (const key of elementKeysAt(doc, f)) meta.insertElement.run(f, key, rid)
  }

  private notify(collection: string, id: DocId, beforeText: string | null): void {
    for (const observer of this.observers) observer(collection, id, beforeText)
  }

  /** Runs a statement, turning SQLite's unique-constraint failure into MongoDB's duplicate-key error. */
  private runUnique(meta: CollectionMeta, doc: Doc, run: () => unknown): void {
    try {
      run()
    } catch (err) {
      const e = err as { code?: string; message?: string }
      if (e.code !== 'SQLITE_CONSTRAINT_UNIQUE' && e.code !== 'SQLITE_CONSTRAINT_PRIMARYKEY') throw err
      const message = e.message ?? ''
      if (/\.id\b/.test(message.replace(/"/g, '')) && !/k:/.test(message)) {
        throw new DuplicateKeyError(meta.name, '_id_', { _id: doc._id })
      }
      const index =
        meta.indexes.find(i => i.unique && Object.keys(i.keys).every(f => message.includes('k:' + f))) ??
        meta.indexes.find(i => i.unique)
      const key: Record<string, unknown> = {}
      for (const field of Object.keys(index?.keys ?? {})) key[field] = valueAt(doc, field) ?? null
      throw new DuplicateKeyError(meta.name, index?.name ?? 'unknown', key)
    }
  }
}

function checkId(id: unknown): DocId {
  if (typeof id === 'string' || (typeof id === 'number' && Number.isFinite(id))) return id
  throw new InvalidDocumentError('_id must be a string or a number')
}

function valueAt(doc: Doc, path: string): unknown {
  let current: unknown = doc
  for (const part of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined
    current = (current as Record<string, unknown>)[part]
  }
  return current
}

function project(docs: Doc[], projection: Record<string, unknown>): Doc[] {
  return mingoFind(docs, {}, projection as never).all() as Doc[]
}

/** Up to `size` distinct documents in random order (a partial Fisher–Yates shuffle). */
function sampleWithoutReplacement(docs: Doc[], size: number): Doc[] {
  const pool = docs.slice()
  const n = Math.max(0, Math.min(Math.floor(size), pool.length))
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(Math.random() * (pool.length - i))
    ;[pool[i], pool[j]] = [pool[j], pool[i]]
  }
  return pool.slice(0, n)
}
