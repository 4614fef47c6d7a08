// The database service: answers the `database.*` admin actions wx-server-sdk sends, on the store.
// Request and response shapes follow the wire protocol (EJSON strings in, EJSON strings out).
import crypto from 'node:crypto'
import { update as mingoUpdate, find as mingoFind } from 'mingo'
import type { AdminAction, RawRoute, Service, ServiceContext } from '../service'
import {
  CollectionExistsError,
  CollectionMissingError,
  DuplicateKeyError,
  InvalidDocumentError,
  type Doc,
  type DocId,
  type Filter,
  type Store,
} from '../store'
import { decodeObject, decodeParam, encodeDocs, isPlainObject } from './codec'
import { CloudError, collectionExists, collectionMissing, duplicateKey, invalidParam, lockWaitTimeout } from './errors'
import { TransactionManager } from './transactions'
import { Barriers, type BarrierOptions } from './barrier'

/** Server-side get() without limit: the SDK itself sends 100; the service caps at 1000. */
const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000
/** aggregate() without a $limit stage returns 20 documents, like the real service. */
const AGGREGATE_DEFAULT_LIMIT = 20

export interface DatabaseServiceOptions {
  store: Store
  transactionTtlMs?: number
}

export interface DatabaseService extends Service {
  store: Store
  transactions: TransactionManager
  /** Test-only: hold the next `count` matching calls until all have arrived (see barrier.ts). */
  barrier(options: BarrierOptions): Promise<void>
}

type Body = Record<string, unknown>

/** 32 hex characters, time first, like the real service's generated ids. */
export function newDocId(now = Date.now()): string {
  return Math.floor(now / 1000).toString(16).padStart(8, '0') + crypto.randomBytes(12).toString('hex')
}

export function createDatabaseService(ctx: ServiceContext, options: DatabaseServiceOptions): DatabaseService {
  const { store } = options
  const transactions = new TransactionManager(store, ctx.clock, options.transactionTtlMs)
  const sweeper = setInterval(() => transactions.expire(), 1000)
  sweeper.unref()
  // A moved clock releases what became overdue at once, not on the next sweep.
  const clockWithEvents = ctx.clock as { onChange?: (fn: () => void) => () => void }
  const unsubscribe = clockWithEvents.onChange?.(() => transactions.expire())

  const now = (): number => ctx.clock.now()
  const collectionOf = (body: Body): string => {
    const name = body.collectionName
    if (typeof name !== 'string' || !name) throw invalidParam('collectionName is required')
    return name
  }
  const txOf = (body: Body): string | undefined => (typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined)
  const docIdOf = (filter: Filter | undefined): DocId => {
    const id = filter?._id
    if (typeof id !== 'string' && typeof id !== 'number') throw invalidParam('a document query needs an _id')
    return id
  }
  const requireCollection = (name: string): void => {
    if (!store.hasCollection(name)) throw collectionMissing()
  }
  const singleDocOnly = (body: Body): void => {
    if (body.queryType !== 'DOC') throw invalidParam('a transaction supports only single-document operations: doc().get/set/update/remove and add')
  }
  /** The documents a plain write with this filter would touch now: its literal `_id` and its matches. */
  const touchedBy = (collection: string, filter: Filter, multi: boolean) => (): DocId[] => {
    const ids = store.find(collection, filter, { limit: multi ? undefined : 1, projection: { _id: 1 } }).map(d => d._id as DocId)
    return typeof filter._id === 'string' || typeof filter._id === 'number' ? [filter._id, ...ids] : ids
  }
  // A plain write waits while an open transaction holds the lock of a document it touches. `touched`
  // and `write` then run in one synchronous step (nothing can interleave), so a conditional update
  // re-evaluates its condition after the wait, atomically with the write. The wait is bounded by
  // the lifetime of the transaction holding the lock; the overall cap only guards a lock that keeps
  // passing from one transaction to the next.
  const lockWaitMs = transactions.ttlMs
  let waitingWrites = 0
  async function whenUnlocked<T>(collection: string, touched: () => DocId[], write: () => T): Promise<T> {
    const started = Date.now()
    for (;;) {
      const holder = transactions.hasLocks ? transactions.holder(collection, touched()) : undefined
      if (holder === undefined) return write()
      if (Date.now() - started >= lockWaitMs) throw lockWaitTimeout(Date.now() - started)
      waitingWrites++
      try {
        await transactions.released(holder)
      } finally {
        waitingWrites--
      }
    }
  }

  const actions: Record<string, AdminAction> = {
    'database.addCollection': async body => {
      store.createCollection(collectionOf(body), now())
      return {}
    },

    'database.insertDocument': async body => {
      const collection = collectionOf(body)
      requireCollection(collection)
      const items = Array.isArray(body.data) ? body.data : [body.data]
      const docs = items.map((item, i) => {
        const doc = decodeObject(item, `data[${i}]`, now())
        if (!doc) throw invalidParam('data is required')
        return { _id: doc._id ?? newDocId(now()), ...doc }
      })
      const tx = txOf(body)
      if (tx) {
        for (const doc of docs) {
          if (transactions.read(tx, collection, doc._id as DocId)) throw duplicateKey(new DuplicateKeyError(collection, '_id_', { _id: doc._id }).message)
          transactions.write(tx, collection, doc._id as DocId, doc)
        }
      } else {
        await whenUnlocked(collection, () => docs.map(d => d._id as DocId), () => store.atomic(() => docs.forEach(doc => store.insert(collection, doc))))
      }
      return { data: { insertedIds: docs.map(d => d._id) } }
    },

    'database.getDocument': async body => {
      const collection = collectionOf(body)
      requireCollection(collection)
      const filter = decodeObject(body.query, 'query', now()) ?? {}
      const projection = decodeObject(body.projection, 'projection', now())
      const tx = txOf(body)
      if (tx) {
        singleDocOnly(body)
        const doc = transactions.read(tx, collection, docIdOf(filter))
        const list = doc ? (projection ? (mingoFind([doc], {}, projection as never).all() as Doc[]) : [doc]) : []
        return { data: { list: encodeDocs(list) } }
      }
      const isDoc = body.queryType === 'DOC'
      const requested = Number(body.limit)
      const limit = isDoc ? 1 : requested > 0 ? Math.min(requested, MAX_LIMIT) : DEFAULT_LIMIT
      const docs = store.find(collection, filter, {
        sort: decodeObject(body.order, 'order', now()) as Record<string, 1 | -1> | undefined,
        skip: Math.max(0, Number(body.offset) || 0),
        limit,
        projection,
      })
      return { data: { list: encodeDocs(docs) } }
    },

    'database.calculateDocument': async body => {
      const collection = collectionOf(body)
      requireCollection(collection)
      if (txOf(body)) singleDocOnly(body)
      return { data: { total: store.count(collection, decodeObject(body.query, 'query', now()) ?? {}) } }
    },

    'database.modifyDocument': async body => {
      const collection = collectionOf(body)
      requireCollection(collection)
      const filter = decodeObject(body.query, 'query', now()) ?? {}
      const data = decodeObject(body.data, 'data', now())
      if (!data) throw invalidParam('data is required')
      const replace = body.merge === false
      if (replace && hasOperators(data)) throw invalidParam('set() takes a document without update operators')
      const tx = txOf(body)
      if (tx) {
        singleDocOnly(body)
        return { data: modifyInTransaction(tx, collection, docIdOf(filter), data, replace) }
      }
      if (replace) {
        const target = (): DocId | undefined =>
          body.queryType === 'DOC' ? docIdOf(filter) : (store.find(collection, filter, { limit: 1 })[0]?._id as DocId | undefined)
        return whenUnlocked(
          collection,
          () => [target()].filter((id): id is DocId => id !== undefined),
          () => ({ data: replaceDocument(collection, target(), data, body.upsert === true) }),
        )
      }
      const modifier = hasOperators(data) ? data : { $set: data }
      const multi = body.multi !== false
      return whenUnlocked(collection, touchedBy(collection, filter, multi), () =>
        store.atomic(() => {
          const result = store.update(collection, filter, modifier, { multi })
          if (result.matched === 0 && body.upsert === true) {
            const doc: Doc = { _id: filter._id ?? newDocId(now()), ...equalityFields(filter) }
            mingoUpdate(doc, modifier as never)
            store.insert(collection, doc)
            return { data: { updated: 0, upsert_id: doc._id } }
          }
          return { data: { updated: result.modified } }
        }),
      )
    },

    'database.modifyAndReturnDoc': async body => {
      const collection = collectionOf(body)
      requireCollection(collection)
      const filter = decodeObject(body.query, 'query', now()) ?? {}
      const data = decodeObject(body.data, 'data', now())
      if (!data) throw invalidParam('data is required')
      if (txOf(body)) singleDocOnly(body)
      const modifier = hasOperators(data) ? data : { $set: data }
      return whenUnlocked(collection, touchedBy(collection, filter, false), () =>
        store.atomic(() => {
          const result = store.update(collection, filter, modifier, { multi: false })
          const doc = result.matched ? store.find(collection, filter, { limit: 1 })[0] : undefined
          return { data: { updated: result.modified, doc: doc ? encodeDocs([doc])[0] : null } }
        }),
      )
    },

    'database.removeDocument': async body => {
      const collection = collectionOf(body)
      requireCollection(collection)
      const filter = decodeObject(body.query, 'query', now()) ?? {}
      const tx = txOf(body)
      if (tx) {
        singleDocOnly(body)
        const id = docIdOf(filter)
        const existing = transactions.read(tx, collection, id)
        if (existing) transactions.write(tx, collection, id, null)
        return { data: { deleted: existing ? 1 : 0 } }
      }
      const multi = body.multi !== false
      return whenUnlocked(collection, touchedBy(collection, filter, multi), () => ({ data: { deleted: store.remove(collection, filter, { multi }) } }))
    },

    'database.aggregateDocuments': async body => {
      const collection = collectionOf(body)
      requireCollection(collection)
      if (!Array.isArray(body.stages)) throw invalidParam('stages must be an array')
      const pipeline = body.stages.map((stage, i) => {
        const { stageKey, stageValue } = (stage ?? {}) as { stageKey?: unknown; stageValue?: unknown }
        if (typeof stageKey !== 'string' || !stageKey.startsWith('$')) throw invalidParam(`stages[${i}].stageKey is invalid`)
        return { [stageKey]: decodeParam(stageValue, `stages[${i}]`, now()) }
      })
      if (!pipeline.some(stage => '$limit' in stage)) pipeline.push({ $limit: AGGREGATE_DEFAULT_LIMIT })
      return { data: { list: encodeDocs(store.aggregate(collection, pipeline)) } }
    },

    'database.startTransaction': async () => ({ transactionId: transactions.start() }),

    'database.commitTransaction': async body => {
      transactions.commit(requireTx(body))
      return {}
    },

    'database.abortTransaction': async body => {
      transactions.abort(requireTx(body))
      return {}
    },
  }

  function requireTx(body: Body): string {
    const tx = txOf(body)
    if (!tx) throw invalidParam('transactionId is required')
    return tx
  }

  /** set() outside a transaction: replaces the document, or creates it when `upsert`. */
  function replaceDocument(collection: string, id: DocId | undefined, data: Doc, upsert: boolean): Doc {
    const { _id: _ignored, ...rest } = data
    if (id !== undefined) {
      const before = store.getText(collection, id)
      if (before !== null) {
        const next = { _id: id, ...rest }
        const same = before === encodeDocs([next])[0]
        store.replaceById(collection, id, next)
        return { updated: same ? 0 : 1 }
      }
    }
    if (!upsert) return { updated: 0 }
    const newId = id ?? newDocId(now())
    store.insert(collection, { _id: newId, ...rest })
    return { updated: 0, upsert_id: newId }
  }

  function modifyInTransaction(tx: string, collection: string, id: DocId, data: Doc, replace: boolean): Doc {
    const existing = transactions.read(tx, collection, id)
    if (replace) {
      const { _id: _ignored, ...rest } = data
      transactions.write(tx, collection, id, { _id: id, ...rest })
      return existing ? { updated: 1 } : { updated: 0, upsert_id: id }
    }
    if (!existing) return { updated: 0 }
    const changed = mingoUpdate(existing, (hasOperators(data) ? data : { $set: data }) as never)
    if (changed.length) transactions.write(tx, collection, id, existing)
    return { updated: changed.length ? 1 : 0 }
  }

  // Store errors become the service's error codes; anything unexpected stays on the error channel.
  const barriers = new Barriers()
  const wrapped: Record<string, AdminAction> = {}
  for (const [name, action] of Object.entries(actions)) {
    wrapped[name] = async (body, c) => {
      try {
        await barriers.arrive(name, body.collectionName)
        return await action(body, c)
      } catch (err) {
        throw translate(err)
      }
    }
  }

  const statsRoute: RawRoute = async (req, res, url) => {
    if (req.method !== 'GET' || url.pathname !== '/_localcloud/stats') return false
    res.writeHead(200, { 'content-type': 'application/json' })
    res.end(JSON.stringify({ docsExamined: store.stats.docsExamined, activeTransactions: transactions.activeCount, waitingWrites }))
    return true
  }

  return {
    name: 'database',
    actions: wrapped,
    routes: [statsRoute],
    store,
    transactions,
    barrier: options => barriers.set(options),
    async close() {
      barriers.clear()
      clearInterval(sweeper)
      unsubscribe?.()
    },
  }
}

function translate(err: unknown): unknown {
  if (err instanceof CloudError) return err
  if (err instanceof CollectionMissingError) return collectionMissing()
  if (err instanceof CollectionExistsError) return collectionExists()
  if (err instanceof DuplicateKeyError) return duplicateKey(err.message)
  if (err instanceof InvalidDocumentError) return invalidParam(err.message)
  // mingo rejects unknown or malformed operators with plain errors.
  return new CloudError('DATABASE_REQUEST_FAILED', err instanceof Error ? err.message : String(err))
}

function hasOperators(data: Doc): boolean {
  return Object.keys(data).some(k => k.startsWith('$'))
}

/** The plain equality fields of a filter, which an upserted document starts from (as in MongoDB). */
function equalityFields(filter: Filter): Doc {
  const out: Doc = {}
  for (const [k, v] of Object.entries(filter)) {
    if (k.startsWith('$') || k.includes('.')) continue
    if (isPlainObject(v) && Object.keys(v).some(key => key.startsWith('$'))) continue
    out[k] = v
  }
  return out
}
