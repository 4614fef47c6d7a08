import type { Database } from '../../server/cloud'
import { isDuplicateKey, isMissingCollection, isMissingDocument, isTransactionConflict } from '../../server/db-errors'
import { inTransaction, type Transaction } from '../../server/transaction'

// A database that only runs transactions: each attempt answers the next outcome in the script.
function scriptedDb(outcomes: Array<unknown | Error>, seenRetries: unknown[] = []): { db: Database; attempts: () => number } {
  let calls = 0
  const db = {
    async runTransaction(body: (t: Transaction) => Promise<unknown>, retries: unknown) {
      seenRetries.push(retries)
      const outcome = outcomes[Math.min(calls, outcomes.length - 1)]
      calls += 1
      if (outcome instanceof Error) throw outcome
      return body({} as Transaction).then(() => outcome)
    },
  }
  return { db: db as unknown as Database, attempts: () => calls }
}

const conflict = () => Object.assign(new Error('commit failed'), { code: 'DATABASE_TRANSACTION_CONFLICT' })

describe('inTransaction', () => {
  test('answers the body’s result, asking the SDK for no retries of its own (times counts retries)', async () => {
    const seen: unknown[] = []
    const { db, attempts } = scriptedDb(['done'], seen)
    await expect(inTransaction(db, async () => undefined)).resolves.toBe('done')
    expect(attempts()).toBe(1)
    expect(seen).toEqual([0])
  })

  test('retries a lost lock race until it wins', async () => {
    const { db, attempts } = scriptedDb([conflict(), new Error('errCode: -501001 | transaction is conflict'), 'won'])
    await expect(inTransaction(db, async () => undefined, { baseDelayMs: 1 })).resolves.toBe('won')
    expect(attempts()).toBe(3)
  })

  test('gives up after the attempts it was given, with the last conflict', async () => {
    const last = conflict()
    const { db, attempts } = scriptedDb([conflict(), conflict(), last])
    await expect(inTransaction(db, async () => undefined, { attempts: 3, baseDelayMs: 1 })).rejects.toBe(last)
    expect(attempts()).toBe(3)
  })

  test('eight attempts by default', async () => {
    const { db, attempts } = scriptedDb([conflict()])
    await expect(inTransaction(db, async () => undefined, { baseDelayMs: 0 })).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_CONFLICT' })
    expect(attempts()).toBe(8)
  })

  test('anything but a conflict propagates at once, unchanged', async () => {
    const sold = Object.assign(new Error('卖完了'), { name: 'AppError', code: 'SOLD_OUT' })
    const { db, attempts } = scriptedDb([sold, 'never'])
    await expect(inTransaction(db, async () => undefined)).rejects.toBe(sold)
    expect(attempts()).toBe(1)
  })
})

describe('database outcomes', () => {
  test('a duplicate key, by code text or message', () => {
    expect(isDuplicateKey({ errMsg: 'E11000 duplicate key error collection: members' })).toBe(true)
    expect(isDuplicateKey(new Error('Duplicate Key'))).toBe(true)
    expect(isDuplicateKey(new Error('timeout'))).toBe(false)
    expect(isDuplicateKey(undefined)).toBe(false)
  })

  test('a missing document or collection', () => {
    expect(isMissingDocument(new Error('document with _id x does not exist'))).toBe(true)
    expect(isMissingDocument({ errMsg: 'other', message: 'does not exist' })).toBe(false)
    expect(isMissingCollection({ errMsg: 'errCode: -502005 database collection not exists' })).toBe(true)
    expect(isMissingCollection(new Error('-502001'))).toBe(false)
  })

  test('a transaction conflict, by code or by the service’s message', () => {
    expect(isTransactionConflict({ code: 'DATABASE_TRANSACTION_CONFLICT' })).toBe(true)
    expect(isTransactionConflict(new Error('[TransactionConflict] write conflict'))).toBe(true)
    expect(isTransactionConflict({ errMsg: 'DATABASE_TRANSACTION_CONFLICT' })).toBe(true)
    expect(isTransactionConflict({ code: 'DATABASE_REQUEST_FAILED', errMsg: 'E11000' })).toBe(false)
    expect(isTransactionConflict(null)).toBe(false)
  })
})
