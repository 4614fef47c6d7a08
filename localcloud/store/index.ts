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
import { keyAt } from './keys'
import { narrow } from './narrow'

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
  insert: Database.Statement
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
        for (const row of rows) {
          const doc = decodeDoc(row.doc)
          write.run(...added.map(f => keyAt(doc, f)), row.rid)
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
  explain(collection: string, filter: Filter): string[] {
    const { sql, params } = this.candidateSql(this.meta(collection), filter)
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
    if (options.sort && Object.keys(options.sort).length) {
      const matched = this.matching(meta, filter).map(m => m.doc)
      docs = mingoFind(matched, {}).sort(options.sort).skip(skip).limit(limit ?? Number.MAX_SAFE_INTEGER).all() as Doc[]
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
    let n = 0
    this.scan(meta, filter, () => {
      n++
      return true
    })
    return n
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
      this.runUnique(meta, doc, () => meta.insert.run(id, encodeDoc(doc), ...meta.fields.map(f => keyAt(doc, f))))
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
    this.collections.set(name, {
      name,
      table,
      columns,
      fields,
      indexes,
      insert: this.db.prepare(
        `INSERT INTO ${q(table)} (id, doc${keyCols.map(c => ', ' + c).join('')}) VALUES (?, ?${keyCols.map(() => ', ?').join('')})`,
      ),
      rewrite: this.db.prepare(`UPDATE ${q(table)} SET doc = ?${keyCols.map(c => `, ${c} = ?`).join('')} WHERE rid = ?`),
      remove: this.db.prepare(`DELETE FROM ${q(table)} WHERE rid = ?`),
      byId: this.db.prepare(`SELECT rid, doc FROM ${q(table)} WHERE id = ?`),
    })
  }

  private candidateSql(meta: CollectionMeta, filter: Filter): { sql: string; params: unknown[] } {
    const cond = narrow(filter, meta.columns)
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
    this.runUnique(meta, doc, () => meta.rewrite.run(encodeDoc(doc), ...meta.fields.map(f => keyAt(doc, f)), row.rid))
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
