// Transactions as the WeChat cloud transaction guide documents them, seen through the real SDK:
// a write inside a transaction locks the document; another transaction's write to it fails at
// once; an ordinary write waits until the lock is released (commit, rollback or the end of the
// transaction's lifetime) and then applies on top of the committed state; only single-document
// operations belong to a transaction.
import { EJSON } from 'bson'
import { getJson, loadSdk, postJson, rejection, startTestCloud, type TestCloud, useSdkCloud, type WxCloud } from './support'

const sdk = useSdkCloud(['accounts'])


beforeEach(async () => {
  await sdk.db.collection('accounts').doc('a').set({ data: { balance: 100 } })
  await sdk.db.collection('accounts').doc('b').set({ data: { balance: 0 } })
  await sdk.db.collection('accounts').where({ _id: sdk._.nin(['a', 'b']) }).remove()
})

const balance = async (id: string): Promise<number> => (await sdk.db.collection('accounts').doc(id).get()).data.balance
const stats = async (): Promise<{ activeTransactions: number; waitingWrites: number }> =>
  (await getJson(`${sdk.lc.url}/_localcloud/stats`)) as { activeTransactions: number; waitingWrites: number }

/** Resolves once `n` plain writes are parked behind a lock, so the test knows they arrived first. */
async function waitingWrites(n: number): Promise<void> {
  while ((await stats()).waitingWrites !== n) await new Promise(resolve => setTimeout(resolve, 5))
}

/** A promise's outcome without awaiting it: lets a test see that a call has not been answered yet. */
function track(promise: Promise<WxCloud>): { promise: Promise<WxCloud>; settled: () => boolean } {
  let done = false
  promise.then(() => (done = true), () => (done = true))
  return { promise, settled: () => done }
}

/** The conflict as the SDK hands it to code inside the callback: the service's code is lost. */
const refusedWrite = (api: string) => ({
  errCode: -501001,
  errMsg: expect.stringMatching(new RegExp(`^${api}:fail -501001 resource system error\\. \\[ResourceUnavailable\\.TransactionConflict\\] Transaction is conflict`)),
})

describe('batch operations are not part of a transaction', () => {
  const admin = (body: Record<string, unknown>) => postJson(`${sdk.lc.url}/admin`, body)

  test('a where() operation carrying a transactionId is refused with INVALID_PARAM and writes nothing', async () => {
    const { transactionId } = await admin({ action: 'database.startTransaction' })
    const query = EJSON.stringify({ balance: { $gte: 0 } })
    const data = EJSON.stringify({ $set: { balance: 1 } })
    const refusals = await Promise.all([
      admin({ action: 'database.modifyDocument', collectionName: 'accounts', queryType: 'WHERE', query, data, multi: true, merge: true, transactionId }),
      admin({ action: 'database.modifyAndReturnDoc', collectionName: 'accounts', queryType: 'WHERE', query, data, transactionId }),
      admin({ action: 'database.removeDocument', collectionName: 'accounts', queryType: 'WHERE', query, multi: true, transactionId }),
      admin({ action: 'database.getDocument', collectionName: 'accounts', queryType: 'WHERE', query, transactionId }),
      admin({ action: 'database.calculateDocument', collectionName: 'accounts', queryType: 'WHERE', query, transactionId }),
    ])
    for (const answer of refusals) {
      expect(answer).toMatchObject({ code: 'INVALID_PARAM', message: expect.stringContaining('only single-document operations') })
    }
    expect([await balance('a'), await balance('b')]).toEqual([100, 0])
    expect(await admin({ action: 'database.commitTransaction', transactionId })).not.toHaveProperty('code')
    expect([await balance('a'), await balance('b')]).toEqual([100, 0])
  })

  test('t.collection().where().get() is refused through the SDK (it sends the transactionId)', async () => {
    const t = await sdk.db.startTransaction()
    expect(await rejection(t.collection('accounts').where({ balance: 0 }).get())).toMatchObject({
      errCode: -501007,
      errMsg: expect.stringContaining('only single-document operations'),
    })
    await t.rollback()
  })

  test('t.collection().where().update() is sent without the transactionId, so it runs outside: at once on a free document', async () => {
    const t = await sdk.db.startTransaction()
    const res = await t.collection('accounts').where({ _id: 'b' }).update({ data: { balance: sdk._.inc(7) } })
    expect(res.stats.updated).toBe(1)
    expect(await balance('b')).toBe(7) // visible before the transaction ends
    await t.rollback()
    expect(await balance('b')).toBe(7) // and not undone by its rollback
  })

  test('...and on a document the same transaction locked it waits for that transaction, here until its lifetime ends', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(-10) } })
    const inside = track(t.collection('accounts').where({ _id: 'a' }).update({ data: { balance: sdk._.inc(5) } }))
    await waitingWrites(1)
    expect(inside.settled()).toBe(false)
    await postJson(`${sdk.lc.url}/_localcloud/clock`, { advanceMs: 11_000 })
    expect((await inside.promise).stats.updated).toBe(1)
    expect(await balance('a')).toBe(105) // the transaction's own write was rolled back
    expect(await rejection(t.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  })
})

describe('write locks', () => {
  test("a second transaction's write to a locked document fails at once; the first commits", async () => {
    const t1 = await sdk.db.startTransaction()
    const t2 = await sdk.db.startTransaction()
    await t1.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(-10) } })
    expect(await rejection(t2.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(-20) } }))).toMatchObject(refusedWrite('document.update'))
    // the refused transaction was rolled back by the service: commit fails, rollback has nothing to undo
    expect(await rejection(t2.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL', message: expect.stringContaining('write conflict') })
    await t2.rollback()
    await t1.commit()
    expect(await balance('a')).toBe(90)
    expect((await stats()).activeTransactions).toBe(0)
  })

  test('set, remove and add with a fixed _id lock too', async () => {
    const t1 = await sdk.db.startTransaction()
    await t1.collection('accounts').doc('a').set({ data: { balance: 1 } })
    await t1.collection('accounts').doc('b').remove()
    await t1.collection('accounts').add({ data: { _id: 'c', balance: 3 } })
    const t2 = await sdk.db.startTransaction()
    expect(await rejection(t2.collection('accounts').doc('a').remove())).toMatchObject(refusedWrite('document.remove'))
    const t3 = await sdk.db.startTransaction()
    expect(await rejection(t3.collection('accounts').doc('b').set({ data: { balance: 2 } }))).toMatchObject(refusedWrite('document.set'))
    const t4 = await sdk.db.startTransaction()
    expect(await rejection(t4.collection('accounts').add({ data: { _id: 'c', balance: 4 } }))).toMatchObject(refusedWrite('collection.add'))
    await t1.commit()
    expect(await balance('a')).toBe(1)
    expect(await balance('c')).toBe(3)
    expect(await rejection(sdk.db.collection('accounts').doc('b').get())).toMatchObject({ errCode: -1 })
  })

  test('reads take no lock: two transactions may read the same document and each write a different one', async () => {
    const t1 = await sdk.db.startTransaction()
    const t2 = await sdk.db.startTransaction()
    expect((await t1.collection('accounts').doc('a').get()).data.balance).toBe(100)
    expect((await t2.collection('accounts').doc('a').get()).data.balance).toBe(100)
    await t1.collection('accounts').doc('a').update({ data: { balance: 99 } })
    await t2.collection('accounts').doc('b').update({ data: { balance: 1 } })
    await Promise.all([t1.commit(), t2.commit()])
    expect([await balance('a'), await balance('b')]).toEqual([99, 1])
  })

  test("a document written after the transaction's snapshot refuses its write at once", async () => {
    const t = await sdk.db.startTransaction()
    expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(100)
    await sdk.db.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(5) } }) // not locked: applies at once
    expect(await rejection(t.collection('accounts').doc('a').update({ data: { balance: 90 } }))).toMatchObject(refusedWrite('document.update'))
    expect(await balance('a')).toBe(105)
  })

  test('the lock is released by commit: a new transaction may then write the document', async () => {
    const t1 = await sdk.db.startTransaction()
    await t1.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(-1) } })
    await t1.commit()
    const t2 = await sdk.db.startTransaction()
    await t2.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(-1) } })
    await t2.commit()
    expect(await balance('a')).toBe(98)
  })
})

describe('ordinary writes wait for a lock', () => {
  test('an update waits for the commit, then applies on top of the committed state', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(-10) } })
    const plain = track(sdk.db.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(5) } }))
    // a conditional update re-tests its condition after the wait, against the committed 90
    const conditional = track(sdk.db.collection('accounts').where({ _id: 'a', balance: sdk._.gte(100) }).update({ data: { balance: sdk._.inc(1) } }))
    await waitingWrites(2)
    expect(await balance('a')).toBe(100) // reads do not wait
    expect([plain.settled(), conditional.settled()]).toEqual([false, false])
    await t.commit() // and the transaction commits: the waiting writes never make it conflict
    expect((await plain.promise).stats.updated).toBe(1)
    expect((await conditional.promise).stats.updated).toBe(0)
    expect(await balance('a')).toBe(95)
    expect((await stats()).waitingWrites).toBe(0)
  })

  test('an update waits for a rollback, then applies to the state as it was', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: 0 } })
    const plain = track(sdk.db.collection('accounts').doc('a').set({ data: { balance: 50 } }))
    await waitingWrites(1)
    expect(plain.settled()).toBe(false)
    await t.rollback()
    expect((await plain.promise).stats.updated).toBe(1)
    expect(await balance('a')).toBe(50)
  })

  test('a where() update over several documents waits for every locked one, then changes all of them in one step', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('b').update({ data: { balance: 10 } })
    const many = track(sdk.db.collection('accounts').where({ balance: sdk._.gte(0) }).update({ data: { balance: sdk._.inc(1) } }))
    await waitingWrites(1)
    expect(await balance('a')).toBe(100) // the free document is not changed ahead of the locked one
    await t.commit()
    expect((await many.promise).stats.updated).toBe(2)
    expect([await balance('a'), await balance('b')]).toEqual([101, 11])
  })

  test('a remove waits, and a plain add of an _id a transaction is adding waits and then meets the duplicate', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('b').update({ data: { balance: 1 } })
    await t.collection('accounts').add({ data: { _id: 'c', balance: 3 } })
    const removal = track(sdk.db.collection('accounts').doc('b').remove())
    const add = track(sdk.db.collection('accounts').add({ data: { _id: 'c', balance: 4 } }))
    await waitingWrites(2)
    await t.commit()
    expect((await removal.promise).stats.removed).toBe(1)
    expect(await rejection(add.promise)).toMatchObject({ errCode: -502001, errMsg: expect.stringContaining('E11000') })
    expect(await balance('c')).toBe(3)
  })

  test('writes to other documents do not wait', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: 0 } })
    expect((await sdk.db.collection('accounts').doc('b').update({ data: { balance: sdk._.inc(1) } })).stats.updated).toBe(1)
    expect((await sdk.db.collection('accounts').where({ _id: 'b' }).update({ data: { balance: sdk._.inc(1) } })).stats.updated).toBe(1)
    expect((await sdk.db.collection('accounts').add({ data: { _id: 'd', balance: 1 } }))._id).toBe('d')
    expect((await stats()).waitingWrites).toBe(0)
    await t.rollback()
    expect(await balance('b')).toBe(2)
  })
})

describe('lifetime', () => {
  test('a transaction not committed within 10 s (moved clock) is rolled back: its lock goes, waiting writes apply, commit fails', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: 0 } })
    const plain = track(sdk.db.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(1) } }))
    await waitingWrites(1)
    expect((await stats()).activeTransactions).toBe(1)
    await postJson(`${sdk.lc.url}/_localcloud/clock`, { advanceMs: 11_000 })
    expect((await plain.promise).stats.updated).toBe(1)
    expect(await balance('a')).toBe(101)
    expect((await stats()).activeTransactions).toBe(0)
    expect(await rejection(t.commit())).toMatchObject({
      code: 'DATABASE_TRANSACTION_FAIL',
      message: expect.stringContaining('not committed within its lifetime'),
    })
    await t.rollback() // nothing left to undo
    // a transaction started after the move writes the document freely
    const t2 = await sdk.db.startTransaction()
    await t2.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(1) } })
    await t2.commit()
    expect(await balance('a')).toBe(102)
  })

  test('a transaction within its lifetime keeps its lock', async () => {
    const t = await sdk.db.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: 0 } })
    await postJson(`${sdk.lc.url}/_localcloud/clock`, { advanceMs: 9_000 })
    const t2 = await sdk.db.startTransaction()
    expect(await rejection(t2.collection('accounts').doc('a').update({ data: { balance: 1 } }))).toMatchObject(refusedWrite('document.update'))
    await t.commit()
    expect(await balance('a')).toBe(0)
  })
})

describe('lifetime in real time', () => {
  let short: TestCloud
  let sdb: WxCloud

  beforeAll(async () => {
    short = await startTestCloud({ transactionTtlMs: 300 })
    sdb = loadSdk(short.url).database()
    await sdb.createCollection('accounts')
    await sdb.collection('accounts').doc('a').set({ data: { balance: 100 } })
  })

  afterAll(async () => {
    await short.close()
    loadSdk(sdk.lc.url) // the other tests' SDK reads the environment at call time
  })

  test('a waiting write is released when the lock holder reaches its lifetime, without any other event', async () => {
    const t = await sdb.startTransaction()
    await t.collection('accounts').doc('a').update({ data: { balance: 0 } })
    expect((await sdb.collection('accounts').doc('a').update({ data: { balance: sdb.command.inc(1) } })).stats.updated).toBe(1)
    expect((await sdb.collection('accounts').doc('a').get()).data.balance).toBe(101)
    expect(await rejection(t.commit())).toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' })
  })
})
