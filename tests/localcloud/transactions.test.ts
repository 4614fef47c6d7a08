// Transactions, the basics: all-or-nothing commit, snapshot reads, own-write visibility, rollback.
// Locks, waiting plain writes, refused batch operations and expiry: transactions.locks.test.ts;
// races of 50 transactions: transactions.race.test.ts.
import { getJson, rejection, useSdkCloud, type WxCloud } from './support'

const sdk = useSdkCloud(['accounts'])


beforeEach(async () => {
  await sdk.db.collection('accounts').doc('a').set({ data: { balance: 100 } })
  await sdk.db.collection('accounts').doc('b').set({ data: { balance: 0 } })
})

const balance = async (id: string): Promise<number> => (await sdk.db.collection('accounts').doc(id).get()).data.balance
const active = async (): Promise<number> => (await getJson(`${sdk.lc.url}/_localcloud/stats`)).activeTransactions as number

test('runTransaction commits all writes together and returns the callback result', async () => {
  const result = await sdk.db.runTransaction(async (t: WxCloud) => {
    const a = (await t.collection('accounts').doc('a').get()).data
    await t.collection('accounts').doc('a').update({ data: { balance: sdk._.inc(-30) } })
    await t.collection('accounts').doc('b').update({ data: { balance: sdk._.inc(30) } })
    await t.collection('accounts').add({ data: { _id: 'log1', moved: 30 } })
    return a.balance
  })
  expect(result).toBe(100)
  expect([await balance('a'), await balance('b')]).toEqual([70, 30])
  expect((await sdk.db.collection('accounts').doc('log1').get()).data.moved).toBe(30)
  expect(await active()).toBe(0)
})

test('writes are invisible outside until commit; the transaction reads its own writes', async () => {
  const t = await sdk.db.startTransaction()
  await t.collection('accounts').doc('a').update({ data: { balance: 1 } })
  await t.collection('accounts').doc('c').set({ data: { balance: 5 } })
  expect((await t.collection('accounts').doc('a').get()).data.balance).toBe(1)
  expect((await t.collection('accounts').doc('c').get()).data.balance).toBe(5)
  expect(await balance('a')).toBe(100)
  expect(await rejection(sdk.db.collection('accounts').doc('c').get())).toMatchObject({ errCode: -1 })
  await t.commit()
  expect(await balance('a')).toBe(1)
  expect(await balance('c')).toBe(5)
  await sdk.db.collection('accounts').doc('c').remove()
})

test('snapshot isolation: a transaction keeps reading the state as of its start', async () => {
  const t = await sdk.db.startTransaction()
  expect((await t.collection('accounts').doc('b').get()).data.balance).toBe(0)
  await sdk.db.collection('accounts').doc('b').update({ data: { balance: 50 } })
  await sdk.db.collection('accounts').add({ data: { _id: 'late', balance: 1 } })
  expect((await t.collection('accounts').doc('b').get()).data.balance).toBe(0)
  expect(await rejection(t.collection('accounts').doc('late').get())).toBeTruthy()
  await t.rollback()
  await sdk.db.collection('accounts').doc('late').remove()
})

test('concurrent runTransaction transfers never lose an update', async () => {
  const transfers = Array.from({ length: 20 }, () =>
    sdk.db.runTransaction(async (t: WxCloud) => {
      const a = (await t.collection('accounts').doc('a').get()).data
      const b = (await t.collection('accounts').doc('b').get()).data
      await t.collection('accounts').doc('a').update({ data: { balance: a.balance - 1 } })
      await t.collection('accounts').doc('b').update({ data: { balance: b.balance + 1 } })
    }, 50).then(() => true, () => false),
  )
  const ok = (await Promise.all(transfers)).filter(Boolean).length
  expect((await balance('a')) + (await balance('b'))).toBe(100)
  expect(await balance('b')).toBe(ok)
  expect(ok).toBeGreaterThan(0)
})

test('rollback and a throwing callback discard the writes', async () => {
  const reason = await rejection(
    sdk.db.runTransaction(async (t: WxCloud) => {
      await t.collection('accounts').doc('a').update({ data: { balance: 0 } })
      await t.rollback('not enough stock')
    }),
  )
  expect(reason).toBe('not enough stock')
  await rejection(
    sdk.db.runTransaction(async (t: WxCloud) => {
      await t.collection('accounts').doc('a').remove()
      throw new Error('boom')
    }),
  )
  expect(await balance('a')).toBe(100)
  expect(await active()).toBe(0)
})

test('remove and set inside a transaction', async () => {
  await sdk.db.runTransaction(async (t: WxCloud) => {
    await t.collection('accounts').doc('b').remove()
    await t.collection('accounts').doc('a').set({ data: { balance: 7, note: 'reset' } })
    expect(await rejection(t.collection('accounts').doc('b').get())).toBeTruthy()
  })
  expect(await rejection(sdk.db.collection('accounts').doc('b').get())).toMatchObject({ errCode: -1 })
  expect((await sdk.db.collection('accounts').doc('a').get()).data).toEqual({ _id: 'a', balance: 7, note: 'reset' })
})
