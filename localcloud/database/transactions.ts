// Multi-document transactions with snapshot isolation and optimistic conflict detection.
//
// Every write to the store (plain or a transaction's commit) gets a sequence number. While any
// transaction is open, the store's write observer keeps, per document, the sequence of each write
// and the document as it was before it. A transaction that started at sequence S therefore
//   - reads a document as of S: its own pending write, else the "before" of the first write after
//     S, else the current row;
//   - conflicts at commit if any document it writes was written by anyone after S (first committer
//     wins), which is answered at commitTransaction so runTransaction retries the callback.
// Writes are buffered until commit and applied in one SQLite transaction. Open transactions expire
// after `ttlMs` of clock time and are released.
import crypto from 'node:crypto'
import type { Clock } from '../service'
import { decodeDoc, type Doc, type DocId, type Store } from '../store'
import { duplicateKey, transactionConflict, transactionGone } from './errors'
import { DuplicateKeyError } from '../store'

interface PendingWrite {
  collection: string
  id: DocId
  doc: Doc | null
}

interface Transaction {
  id: string
  startSeq: number
  startedAt: number
  writes: Map<string, PendingWrite>
}

interface Version {
  seq: number
  beforeText: string | null
}

const keyOf = (collection: string, id: DocId): string => `${collection}\u0000${typeof id}\u0000${id}`

export class TransactionManager {
  private seq = 0
  private open = new Map<string, Transaction>()
  private versions = new Map<string, Version[]>()

  constructor(private store: Store, private clock: Clock, private ttlMs = 10_000) {
    store.onWrite((collection, id, beforeText) => {
      this.seq++
      if (this.open.size === 0) return // no snapshot can need it
      const key = keyOf(collection, id)
      const list = this.versions.get(key)
      if (list) list.push({ seq: this.seq, beforeText })
      else this.versions.set(key, [{ seq: this.seq, beforeText }])
    })
  }

  get activeCount(): number {
    this.expire()
    return this.open.size
  }

  start(): string {
    this.expire()
    const id = crypto.randomBytes(16).toString('hex')
    this.open.set(id, { id, startSeq: this.seq, startedAt: this.clock.now(), writes: new Map() })
    return id
  }

  /** The document as this transaction sees it (its own writes over its snapshot). */
  read(txId: string, collection: string, id: DocId): Doc | null {
    const tx = this.get(txId)
    const pending = tx.writes.get(keyOf(collection, id))
    if (pending) return pending.doc ? structuredClone(pending.doc) : null
    const later = this.versions.get(keyOf(collection, id))?.find(v => v.seq > tx.startSeq)
    if (later) return later.beforeText === null ? null : decodeDoc(later.beforeText)
    return this.store.get(collection, id)
  }

  write(txId: string, collection: string, id: DocId, doc: Doc | null): void {
    this.get(txId).writes.set(keyOf(collection, id), { collection, id, doc })
  }

  commit(txId: string): void {
    const tx = this.get(txId)
    this.open.delete(txId)
    try {
      this.store.atomic(() => {
        for (const [key] of tx.writes) {
          const list = this.versions.get(key)
          if (list && list[list.length - 1].seq > tx.startSeq) throw transactionConflict()
        }
        for (const w of tx.writes.values()) {
          if (w.doc) this.store.put(w.collection, w.doc)
          else this.store.removeById(w.collection, w.id)
        }
      })
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw duplicateKey(err.message)
      throw err
    } finally {
      this.prune()
    }
  }

  abort(txId: string): void {
    this.get(txId)
    this.open.delete(txId)
    this.prune()
  }

  /** Releases transactions older than the time-to-live. */
  expire(): void {
    const now = this.clock.now()
    let released = false
    for (const tx of this.open.values()) {
      if (now - tx.startedAt > this.ttlMs) {
        this.open.delete(tx.id)
        released = true
      }
    }
    if (released) this.prune()
  }

  private get(txId: string): Transaction {
    this.expire()
    const tx = this.open.get(txId)
    if (!tx) throw transactionGone(txId)
    return tx
  }

  /** Drops versions no open snapshot can read. */
  private prune(): void {
    if (this.open.size === 0) {
      this.versions.clear()
      return
    }
    const oldest = Math.min(...[...this.open.values()].map(t => t.startSeq))
    for (const [key, list] of this.versions) {
      const keep = list.filter(v => v.seq > oldest)
      if (keep.length) this.versions.set(key, keep)
      else this.versions.delete(key)
    }
  }
}
