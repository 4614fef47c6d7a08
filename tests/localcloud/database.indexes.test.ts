// Indexes declared in the manifest are real: a query on an indexed field reads only candidates,
// counted by the store's docsExamined figure (GET /_localcloud/stats).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Manifest } from '../../localcloud/manifest'
import type { Store } from '../../localcloud/store'
import { getJson, loadSdk, startTestCloud, type TestCloud, type WxCloud } from './support'

const N = 100_000
const manifest: Manifest = {
  collections: [
    {
      name: 'big',
      indexes: [
        { name: 'status_1', keys: { status: 1 } },
        { name: 'score_-1', keys: { score: -1 } },
        { name: 'owner_day', keys: { owner: 1, day: 1 } },
      ],
    },
  ],
}

let lc: TestCloud
let db: WxCloud
let _: WxCloud

const examined = async (url: string): Promise<number> => (await getJson(`${url}/_localcloud/stats`)).docsExamined as number

/** Runs `fn` and returns how many stored documents the server parsed and tested meanwhile. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function cost(fn: () => Promise<any>, url = lc.url): Promise<{ result: any; examined: number }> {
  const before = await examined(url)
  const result = await fn()
  return { result, examined: (await examined(url)) - before }
}

beforeAll(async () => {
  // Bulk setup straight into the store (100k SDK round trips would dominate the test); every
  // query below goes through the SDK.
  const seed = (store: Store): void => {
    store.atomic(() => {
      for (let i = 0; i < N; i++) {
        store.insert('big', {
          _id: `d${i}`,
          status: i % 20000 === 7 ? 'rare' : i % 2 ? 'open' : 'closed',
          score: i,
          owner: `u${i % 1000}`,
          day: `2026-01-${String((i % 28) + 1).padStart(2, '0')}`,
          plain: i,
        })
      }
      store.insert('big', { _id: 'arr', status: ['rare', 'x'], score: -1 })
      store.insert('big', { _id: 'date', status: new Date(0), score: 'text' })
    })
  }
  lc = await startTestCloud({ manifest, seed })
  db = loadSdk(lc.url).database()
  _ = db.command
}, 60_000)

afterAll(async () => {
  await lc.close()
})

test('equality on an indexed field reads only the matching documents (plus array-valued ones)', async () => {
  const { result, examined: n } = await cost(() => db.collection('big').where({ status: 'rare' }).get())
  expect(result.data.map((d: { _id: string }) => d._id).sort()).toEqual(['arr', 'd20007', 'd40007', 'd60007', 'd80007', 'd7'].sort())
  expect(n).toBeLessThanOrEqual(6)
})

test('the same query on an unindexed field scans the collection (control)', async () => {
  const { result, examined: n } = await cost(() => db.collection('big').where({ plain: 20007 }).get())
  expect(result.data).toHaveLength(1)
  expect(n).toBeGreaterThanOrEqual(N)
})

test('range and $in on indexed fields narrow too; mingo still applies the full filter', async () => {
  const range = await cost(() => db.collection('big').where({ score: _.gte(N - 5), status: _.neq('closed') }).get())
  expect(range.result.data.map((d: { score: number }) => d.score).sort()).toEqual([N - 5, N - 3, N - 1])
  expect(range.examined).toBeLessThanOrEqual(6)

  const within = await cost(() => db.collection('big').where({ _id: _.in(['d1', 'd2', 'nope']) }).get())
  expect(within.result.data).toHaveLength(2)
  expect(within.examined).toBe(2)

  const compound = await cost(() => db.collection('big').where({ owner: 'u7', day: '2026-01-08' }).count())
  expect(compound.result.total).toBe(15) // i ≡ 7 (mod 7000)
  expect(compound.examined).toBeLessThanOrEqual(N / 1000)
})

test('ordering with an indexed filter still sorts correctly', async () => {
  const res = await db.collection('big').where({ status: 'rare' }).orderBy('score', 'desc').limit(2).get()
  expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['d80007', 'd60007'])
})

test('updates keep index keys current', async () => {
  await db.collection('big').doc('d3').update({ data: { status: 'rare' } })
  const { result, examined: n } = await cost(() => db.collection('big').where({ status: 'rare', score: _.lt(10) }).get())
  expect(result.data.map((d: { _id: string }) => d._id).sort()).toEqual(['d3', 'd7', 'arr'].sort())
  expect(n).toBeLessThanOrEqual(8)
})

test('an index added to the manifest later is built over existing documents', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-index-'))
  try {
    const first = await startTestCloud({ dataDir, manifest: { collections: [{ name: 'late', indexes: [] }] } })
    await loadSdk(first.url).database().collection('late').add({ data: Array.from({ length: 500 }, (_x, i) => ({ k: `k${i}` })) })
    await first.close()
    const second = await startTestCloud({ dataDir, manifest: { collections: [{ name: 'late', indexes: [{ name: 'k_1', keys: { k: 1 } }] }] } })
    try {
      const late = loadSdk(second.url).database().collection('late')
      const { result, examined: n } = await cost(() => late.where({ k: 'k123' }).get(), second.url)
      expect(result.data).toHaveLength(1)
      expect(n).toBe(1)
    } finally {
      await second.close()
    }
  } finally {
    loadSdk(lc.url)
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
