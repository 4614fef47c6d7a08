// Multi-document changes as one transaction, retried when they lose a lock race.
//
// On WeChat cloud a write inside a transaction locks the document; another transaction's write to
// it is refused at once. wx-server-sdk's runTransaction (@cloudbase/database, runTransaction)
// retries only an error whose `code` is DATABASE_TRANSACTION_CONFLICT, which only a failed commit
// keeps: a refusal answered to a write inside the callback reaches the caller as errCode -501001.
// And what the SDK does retry, it retries at once, without back-off. So the SDK is told to try once
// and this loop owns every retry, with jittered exponential back-off. Every action that spans
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
  /** no single back-off is drawn from a range wider than this, in ms */
  maxDelayMs?: number
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Runs `body` in one transaction. `runTransaction(body, 0)` is one attempt (the SDK's count is of
 * retries after the first); this loop owns every retry so a conflict inside the callback and one at
 * commit are handled alike. Anything else (a domain error thrown by `body`) aborts the transaction
 * and propagates unchanged. `body` may run several times: it must not have effects outside `t`.
 */
export async function inTransaction<T>(db: Database, body: (t: Transaction) => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = options.attempts ?? 8
  const base = options.baseDelayMs ?? 15
  const cap = options.maxDelayMs ?? 1000
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db.runTransaction(body, 0)) as T
    } catch (e) {
      if (attempt >= attempts || !isTransactionConflict(e)) throw e
      await sleep(Math.random() * Math.min(cap, base * 2 ** (attempt - 1)))
    }
  }
}
