// The race tool the transaction tests (and the integration races) use: `lc.database.barrier(...)`
// holds the next N matching calls until all N have arrived, then answers them together.
import { rejection, useSdkCloud } from './support'

const sdk = useSdkCloud(['counters', 'other'])


const value = async (id: string): Promise<number> => (await sdk.db.collection('counters').doc(id).get()).data.n

test('held reads all see the same state, so a read-then-write race loses an update every time', async () => {
  await sdk.db.collection('counters').doc('lost').set({ data: { n: 0 } })
  const held = sdk.lc.database.barrier({ collection: 'counters', count: 5 })
  const seen = await Promise.all(
    Array.from({ length: 5 }, async () => {
      const { n } = (await sdk.db.collection('counters').doc('lost').get()).data
      await sdk.db.collection('counters').doc('lost').update({ data: { n: n + 1 } })
      return n
    }),
  )
  await held
  expect(seen).toEqual([0, 0, 0, 0, 0])
  expect(await value('lost')).toBe(1) // the read-check-write anti-pattern, forced to fail
})

test('held reads are answered at release: a write made while they wait is what they read', async () => {
  await sdk.db.collection('counters').doc('late').set({ data: { n: 0 } })
  const held = sdk.lc.database.barrier({ collection: 'counters', action: 'get', count: 2 })
  const first = sdk.db.collection('counters').doc('late').get()
  await sdk.db.collection('counters').doc('late').update({ data: { n: sdk._.inc(5) } }) // updates are not held
  const second = sdk.db.collection('counters').doc('late').get()
  const [a, b] = await Promise.all([first, second])
  await held
  expect([a.data.n, b.data.n]).toEqual([5, 5])
})

test('only the named collection and action are held', async () => {
  await sdk.db.collection('counters').doc('x').set({ data: { n: 1 } })
  await sdk.db.collection('other').doc('y').set({ data: { n: 2 } })
  const held = sdk.lc.database.barrier({ collection: 'counters', count: 2 })
  const waiting = sdk.db.collection('counters').doc('x').get()
  // another collection and a count on the same one pass while the read above is held
  expect((await sdk.db.collection('other').doc('y').get()).data.n).toBe(2)
  expect((await sdk.db.collection('counters').where({ _id: 'x' }).count()).total).toBe(1)
  const last = sdk.db.collection('counters').doc('x').get()
  expect((await waiting).data.n).toBe(1)
  expect((await last).data.n).toBe(1)
  await held
})

test('a barrier that is not filled fails loudly: the held call errs and the barrier rejects', async () => {
  const held = sdk.lc.database.barrier({ collection: 'counters', count: 2, timeoutMs: 200 })
  const err = await rejection(sdk.db.collection('counters').doc('x').get())
  expect(err.errCode).toBe(-501001)
  expect(String(err.errMsg)).toContain('barrier on counters.get: 1 of 2 calls arrived within 200 ms')
  await expect(held).rejects.toThrow('1 of 2 calls arrived')
  // and it is gone: the next read is not held
  expect((await sdk.db.collection('counters').doc('x').get()).data.n).toBe(1)
})

test('a barrier refuses a count that is not a positive integer', () => {
  expect(() => sdk.lc.database.barrier({ collection: 'counters', count: 0 })).toThrow('positive integer')
})
