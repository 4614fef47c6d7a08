// Multi-document transactions as WeChat cloud documents them: snapshot isolation plus write locks
// (modelled on MongoDB, which CloudBase's document database is compatible with).
//
// Every write to the store (plain or a transaction's commit) gets a sequence number. While any
// transaction is open, the store's write observer keeps, per document, the sequence of each write
// and the document as it was before it. A transaction that started at sequence S
//   - reads a document as of S: its own pending write, else the "before" of the first write after
//     S, else the current row;
//   - writes (update/set/remove/add) by taking the document's lock. The write is refused at once,
//     and the transaction aborted, when another open transaction holds that lock or when anyone
//     wrote the document after S (a write conflict: the first writer wins, the loser learns it at
//     its write, not at commit);
//   - buffers its writes and applies them at commit in one SQLite transaction, then releases its
//     locks. Abort and expiry (`ttlMs` of clock time after start) release them too.
// Plain writes take no locks. The database service makes a plain write that touches a locked
// document wait (`holder`, `released`) and then apply on top of the committed state.
import crypto from 'node:crypto'
import type { Clock } from '../service'
import { decodeDoc, type Doc, type DocId, type Store } from '../store'
import { duplicateKey, transactionConflict, transactionEnded, transactionGone } from './errors'
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
  /** every pending write holds its document's lock */
  writes: Map<string, PendingWrite>
}

interface Version {
  seq: number
  beforeText: string | null
}

/** Why the service ended a transaction its client had not finished. */
export type EndReason = 'conflict' | 'expired'

const keyOf = (collection: string, id: DocId): string => `${collection}\u0000${typeof id}\u0000${id}`

export class TransactionManager {
  private seq = 0
  private open = new Map<string, Transaction>()
  private versions = new Map<string, Version[]>()
  /** document key → id of the open transaction holding its lock */
  private locks = new Map<string, string>()
  /** transactions the service ended itself, remembered for a while to answer their client clearly */
  private ended = new Map<string, { reason: EndReason; at: number }>()
  private waiters = new Set<() => void>()

  constructor(private store: Store, private clock: Clock, readonly ttlMs = 10_000) {
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

  get hasLocks(): boolean {
    return this.locks.size > 0
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

  /** Buffers a write under the document's lock, or refuses it at once and aborts the transaction. */
  write(txId: string, collection: string, id: DocId, doc: Doc | null): void {
    const tx = this.get(txId)
    const key = keyOf(collection, id)
    const holder = this.locks.get(key)
    if (holder !== tx.id && (holder !== undefined || this.writtenSince(key, tx.startSeq))) {
      this.finish(tx, 'conflict')
      throw transactionConflict()
    }
    this.locks.set(key, tx.id)
    tx.writes.set(key, { collection, id, doc })
  }

  commit(txId: string): void {
    const tx = this.get(txId)
    try {
      this.store.atomic(() => {
        // Unreachable while locks work; kept so a flaw would show as a conflict, never a lost update.
        for (const key of tx.writes.keys()) if (this.writtenSince(key, tx.startSeq)) throw transactionConflict()
        for (const w of tx.writes.values()) {
          if (w.doc) this.store.put(w.collection, w.doc)
          else this.store.removeById(w.collection, w.id)
        }
      })
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw duplicateKey(err.message)
      throw err
    } finally {
      this.finish(tx)
    }
  }

  /** Rolls back; a transaction the service already ended has nothing left to undo, so that answers ok. */
  abort(txId: string): void {
    this.expire()
    if (this.ended.has(txId)) return
    this.finish(this.get(txId))
  }

  /** Rolls back transactions older than the time-to-live, releasing their locks. */
  expire(): void {
    const now = this.clock.now()
    for (const tx of [...this.open.values()]) {
      if (now - tx.startedAt > this.ttlMs) this.finish(tx, 'expired')
    }
    for (const [id, end] of this.ended) if (now - end.at > 6 * this.ttlMs) this.ended.delete(id)
  }

  /** The open transaction holding the lock of one of these documents, if any. */
  holder(collection: string, ids: Iterable<DocId>): string | undefined {
    if (this.locks.size === 0) return undefined
    this.expire()
    for (const id of ids) {
      const holder = this.locks.get(keyOf(collection, id))
      if (holder) return holder
    }
    return undefined
  }

  /**
   * Resolves when any lock is released, or when `holderId` reaches the end of its lifetime (it is
   * rolled back first), whichever comes first. The caller checks again: a wait never outlasts the
   * lifetime of the transaction it waits for.
   */
  released(holderId: string): Promise<void> {
    const tx = this.open.get(holderId)
    const untilExpiry = tx ? Math.max(0, tx.startedAt + this.ttlMs - this.clock.now()) + 1 : 0
    return new Promise(resolve => {
      const done = (): void => {
        clearTimeout(timer)
        this.waiters.delete(done)
        resolve()
      }
      const timer = setTimeout(() => {
        this.expire()
        done()
      }, untilExpiry)
      this.waiters.add(done)
    })
  }

  private get(txId: string): Transaction {
    this.expire()
    const tx = this.open.get(txId)
    if (tx) return tx
    const end = this.ended.get(txId)
    throw end ? transactionEnded(txId, end.reason) : transactionGone(txId)
  }

  private writtenSince(key: string, seq: number): boolean {
    const list = this.versions.get(key)
    return !!list && list[list.length - 1].seq > seq
  }

  /** Closes a transaction: releases its locks, wakes waiting writes, drops versions nobody needs. */
  private finish(tx: Transaction, reason?: EndReason): void {
    this.open.delete(tx.id)
    if (reason) this.ended.set(tx.id, { reason, at: this.clock.now() })
    for (const key of tx.writes.keys()) if (this.locks.get(key) === tx.id) this.locks.delete(key)
    this.prune()
    for (const wake of [...this.waiters]) wake()
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
