// Multi-document changes as one transaction, retried when they lose a lock race.
//
// On WeChat cloud a write inside a transaction locks the document; another transaction's write to
// it is refused at once. wx-server-sdk's runTransaction retries only a conflict answered at commit;
// a refusal answered to a write inside the callback reaches the caller. Every action that spans
// documents goes through here, so contention costs a short wait, never an error a mother sees.
import type { Database } from './cloud'
import { isTransactionConflict } from './db-errors'

/** What the SDK hands the callback: single-document operations only (the SDK types it as any). */
export interface Transaction {
  collection(name: string): {
    doc(id: string): {
      get(): Promise<{ data: unknown }>
      set(options: { data: object }): Promise<unknown>
      update(options: { data: object }): Promise<{ stats: { updated: number } }>
      remove(): Promise<{ stats: { removed: number } }>
    }
    add(options: { data: object }): Promise<{ _id: string }>
  }
  rollback(reason?: unknown): Promise<void>
}

export interface RetryOptions {
  /** total attempts, the first included */
  attempts?: number
  /** upper bound of the first back-off in ms; doubles each attempt, with full jitter */
  baseDelayMs?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `body` in one transaction. The SDK is told to try once; this loop owns every retry so a
 * conflict inside the callback and one at commit are handled alike. Anything else (a domain error
 * thrown by `body`) aborts the transaction and propagates unchanged.
 */
export async function inTransaction<T>(db: Database, body: (t: Transaction) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8
  const base = options.baseDelayMs ?? 15
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(body, 1)) as T
    } catch (e) {
      if (attempt >= attempts || !isTransactionConflict(e)) throw e
      await sleep(Math.random() * base * 2 ** (attempt - 1))
    }
  }
}
