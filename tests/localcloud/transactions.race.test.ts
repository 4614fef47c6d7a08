// 50 transactions racing on one document, the overlap forced by a barrier on their snapshot reads:
// what the SDK's own runTransaction gives (one commits, 49 are refused at their write and not
// retried), and what server/transaction.ts `inTransaction` gives (all 50 land, by retrying).
import { AppError } from '../../domain/errors'
import type { Database } from '../../server/cloud'
import { isTransactionConflict } from '../../server/db-errors'
import { inTransaction, type Transaction } from '../../server/transaction'
import { getJson, rejection, useSdkCloud, type WxCloud } from './support'

const sdk = useSdkCloud(['chains'])

const RACERS = 50


const sold = async (id: string): Promise<number> => (await sdk.db.collection('chains').doc(id).get()).data.sold
const active = async (): Promise<number> => (await getJson(`${sdk.lc.url}/_localcloud/stats`)).activeTransactions as number

/** read, then write what was read plus one: the shape of every read-check-write in a transaction */
const increment = (id: string, runs: { count: number }) => async (t: Transaction | WxCloud) => {
  runs.count++
  const doc = (await t.collection('chains').doc(id).get()).data as { sold: number }
  await t.collection('chains').doc(id).update({ data: { sold: doc.sold + 1 } })
  return doc.sold
}

test('runTransaction: 50 snapshot reads of one document, then 50 writes: one commits, 49 are refused at their write and not retried', async () => {
  await sdk.db.collection('chains').doc('sdk').set({ data: { sold: 10 } })
  const runs = { count: 0 }
  const held = sdk.lc.database.barrier({ collection: 'chains', count: RACERS })
  const outcomes = await Promise.all(
    Array.from({ length: RACERS }, () =>
      sdk.db.runTransaction(increment('sdk', runs)).then(
        (read: number) => ({ ok: true as const, read }),
        (error: Record<string, unknown>) => ({ ok: false as const, error }),
      ),
    ),
  )
  await held
  const committed = outcomes.filter(o => o.ok)
  const refused = outcomes.filter(o => !o.ok)
  expect(committed).toEqual([{ ok: true, read: 10 }])
  expect(refused).toHaveLength(RACERS - 1)
  for (const { error } of refused as Array<{ error: Record<string, unknown> }>) {
    // the service's code is lost on the way through the SDK, so runTransaction did not retry
    expect(error.code).toBeUndefined()
    expect(error).toMatchObject({
      errCode: -501001,
      errMsg: expect.stringMatching(/^document\.update:fail -501001 resource system error\. \[ResourceUnavailable\.TransactionConflict\] Transaction is conflict/),
    })
    expect(isTransactionConflict(error)).toBe(true)
  }
  expect(runs.count).toBe(RACERS) // every callback ran once
  expect(await sold('sdk')).toBe(11)
  expect(await active()).toBe(0) // losers were rolled back, the winner committed
})

// 50 writers on one document serialise completely (each needs the document free from its start to
// its commit), so this budget is sized for that: a contender here needed up to ~11 attempts on a
// loaded 2-core machine. The default budget is for ordinary contention; bench/cloud.ts measures both.
const HOT_DOCUMENT = { attempts: 40, baseDelayMs: 15, maxDelayMs: 4000 }

test('inTransaction: 50 concurrent read-then-write increments on one document all land', async () => {
  await sdk.db.collection('chains').doc('ours').set({ data: { sold: 0 } })
  const runs = { count: 0 }
  const held = sdk.lc.database.barrier({ collection: 'chains', count: RACERS })
  const reads = await Promise.all(Array.from({ length: RACERS }, () => inTransaction(sdk.db as Database, increment('ours', runs), HOT_DOCUMENT)))
  await held
  expect(await sold('ours')).toBe(RACERS)
  // each committed increment read the value the previous one wrote: 0..49, each exactly once
  expect([...reads].sort((x, y) => x - y)).toEqual(Array.from({ length: RACERS }, (_x, i) => i))
  expect(runs.count).toBeGreaterThan(RACERS) // the forced overlap made most of them retry
  expect(await active()).toBe(0)
}, 90_000)

test('inTransaction: a domain error thrown in the body rolls back, is not retried and reaches the caller unchanged', async () => {
  await sdk.db.collection('chains').doc('full').set({ data: { sold: 5 } })
  const soldOut = new AppError('SOLD_OUT')
  let runs = 0
  const err = await rejection(
    inTransaction(sdk.db as Database, async t => {
      runs++
      await t.collection('chains').doc('full').update({ data: { sold: 6 } })
      await t.collection('chains').add({ data: { _id: 'entry-1', qty: 1 } })
      throw soldOut
    }),
  )
  expect(err).toBe(soldOut)
  expect(runs).toBe(1)
  expect(await sold('full')).toBe(5)
  expect(await rejection(sdk.db.collection('chains').doc('entry-1').get())).toMatchObject({ errCode: -1 })
  expect(await active()).toBe(0)
})

test('inTransaction: a database error that is not a conflict is not retried', async () => {
  await sdk.db.collection('chains').doc('dup').set({ data: { sold: 0 } })
  let runs = 0
  const err = await rejection(
    inTransaction(sdk.db as Database, async t => {
      runs++
      await t.collection('chains').add({ data: { _id: 'dup', sold: 1 } })
    }),
  )
  expect(err).toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('E11000') })
  expect(isTransactionConflict(err)).toBe(false)
  expect(runs).toBe(1)
})

test('inTransaction: gives up after `attempts` while a rival keeps the lock, and hands back the conflict', async () => {
  await sdk.db.collection('chains').doc('held').set({ data: { sold: 0 } })
  const rival = await sdk.db.startTransaction()
  await rival.collection('chains').doc('held').update({ data: { sold: 100 } })
  const runs = { count: 0 }
  const err = await rejection(inTransaction(sdk.db as Database, increment('held', runs), { attempts: 3, baseDelayMs: 1 }))
  expect(isTransactionConflict(err)).toBe(true)
  expect(runs.count).toBe(3)
  await rival.commit()
  expect(await sold('held')).toBe(100)
})

test('isTransactionConflict: the service code at commit counts, a domain CONFLICT never does', () => {
  expect(isTransactionConflict({ code: 'DATABASE_TRANSACTION_CONFLICT', message: 'database transaction conflict' })).toBe(true)
  expect(isTransactionConflict(new AppError('CONFLICT'))).toBe(false)
  expect(isTransactionConflict(new AppError('CONFLICT', 'conflict'))).toBe(false)
  expect(isTransactionConflict({ errCode: -502001, errMsg: 'E11000 duplicate key error' })).toBe(false)
})
