// A conditional single-document update is atomic under concurrent callers: the quota pattern
// where({ _id, sold: _.lte(quota - k) }).update({ sold: _.inc(k) }) never oversells.
import { useSdkCloud } from './support'

const sdk = useSdkCloud(['chains'])


test('200 concurrent conditional increments against a quota of 57 succeed exactly 57 times', async () => {
  const quota = 57
  await sdk.db.collection('chains').doc('c1').set({ data: { quota, sold: 0 } })
  const attempts = Array.from({ length: 200 }, () =>
    sdk.db.collection('chains').where({ _id: 'c1', sold: sdk._.lte(quota - 1) }).update({ data: { sold: sdk._.inc(1) } }),
  )
  const results = await Promise.all(attempts)
  const won = results.filter((r: { stats: { updated: number } }) => r.stats.updated === 1).length
  expect(won).toBe(quota)
  expect(results.every((r: { stats: { updated: number } }) => r.stats.updated === 0 || r.stats.updated === 1)).toBe(true)
  expect((await sdk.db.collection('chains').doc('c1').get()).data.sold).toBe(quota)
})

test('mixed quantities never exceed the quota', async () => {
  const quota = 100
  await sdk.db.collection('chains').doc('c2').set({ data: { quota, sold: 0 } })
  const qtys = Array.from({ length: 150 }, (_x, i) => (i % 3) + 1)
  const results = await Promise.all(
    qtys.map(k => sdk.db.collection('chains').where({ _id: 'c2', sold: sdk._.lte(quota - k) }).update({ data: { sold: sdk._.inc(k) } })),
  )
  const sold = qtys.reduce((sum, k, i) => sum + (results[i].stats.updated === 1 ? k : 0), 0)
  const final = (await sdk.db.collection('chains').doc('c2').get()).data.sold
  expect(final).toBe(sold)
  expect(final).toBeLessThanOrEqual(quota)
  expect(final).toBeGreaterThan(quota - 3) // it fills up: only a final 1–2 can be left over
})
