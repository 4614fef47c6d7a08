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
    {
      // the shape of the app's lists: a flag, an array of tags, a date to page by
      name: 'lists',
      indexes: [
        { name: 'at_-1', keys: { at: -1 } },
        { name: 'flag_at', keys: { flag: 1, at: -1 } },
        { name: 'tags_at', keys: { tags: 1, at: -1 } },
        { name: 'items.sku_1', keys: { 'items.sku': 1 } },
        { name: 'mixed_1', keys: { mixed: 1 } },
      ],
    },
  ],
}

const L = 20_000
const TAGS = ['a', 'b', 'c', 'd', 'e']
const DAY0 = Date.parse('2026-01-01T00:00:00Z')
/** Document i of `lists`: every 5th is flagged, tags cycle, and pairs of documents share one date. */
const listDoc = (i: number) => ({
  _id: `l${i}`,
  flag: i % 5 === 0,
  tags: i % 3 === 0 ? [] : [TAGS[i % 5], TAGS[(i + 1) % 5]],
  at: new Date(DAY0 + Math.floor(i / 2) * 60_000),
  i,
})

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
      for (let i = 0; i < L; i++) store.insert('lists', listDoc(i))
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

describe('sorted pages and counts read through an index', () => {
  const lists = () => db.collection('lists')
  const docs = Array.from({ length: L }, (_x, i) => listDoc(i))
  /** What MongoDB answers: the matches, newest first, ties in insertion order. */
  const newestFirst = (match: (d: ReturnType<typeof listDoc>) => boolean) =>
    docs.filter(match).sort((x, y) => y.at.getTime() - x.at.getTime() || x.i - y.i).map((d) => d._id)

  test('a deep sorted page of an exact filter parses only the page', async () => {
    const { result, examined: n } = await cost(() => lists().where({ flag: false }).orderBy('at', 'desc').skip(400).limit(20).get())
    expect(result.data.map((d: { _id: string }) => d._id)).toEqual(newestFirst((d) => !d.flag).slice(400, 420))
    expect(n).toBe(20)
  })

  test('an exact count parses no document', async () => {
    const { result, examined: n } = await cost(() => lists().where({ flag: false }).count())
    expect(result.total).toBe(docs.filter((d) => !d.flag).length)
    expect(n).toBe(0)
  })

  test('$or over a flag and array elements pages and counts through the indexes', async () => {
    const visible = (d: ReturnType<typeof listDoc>) => d.flag || d.tags.includes('b') || d.tags.includes('d')
    const where = _.or([{ flag: true }, { tags: _.in(['b', 'd']) }])
    const page = await cost(() => lists().where(where).orderBy('at', 'desc').skip(20).limit(20).get())
    expect(page.result.data.map((d: { _id: string }) => d._id)).toEqual(newestFirst(visible).slice(20, 40))
    expect(page.examined).toBe(20)
    const counted = await cost(() => lists().where(where).count())
    expect(counted.result.total).toBe(docs.filter(visible).length)
    expect(counted.examined).toBe(0)
  })

  test('equality on an array field matches by element, and follows updates', async () => {
    const before = await cost(() => lists().where({ tags: 'e', i: _.lt(12) }).get())
    expect(before.result.data.map((d: { _id: string }) => d._id).sort()).toEqual(['l4', 'l8'].sort())
    await lists().doc('l6').update({ data: { tags: _.push('e') } })
    await lists().doc('l4').update({ data: { tags: _.set(['a']) } })
    const after = await cost(() => lists().where({ tags: 'e', i: _.lt(12) }).get())
    expect(after.result.data.map((d: { _id: string }) => d._id).sort()).toEqual(['l6', 'l8'])
    expect(after.examined).toBeLessThanOrEqual(L * 0.3) // the documents tagged e, not the collection
    await lists().doc('l6').update({ data: { tags: _.pull('e') } })
    await lists().doc('l4').update({ data: { tags: _.set(['e', 'a']) } })
  })

  test('a filter the indexes cannot fully express streams in index order and stops at the page', async () => {
    const { result, examined: n } = await cost(() => lists().where({ flag: false, i: _.neq(3) }).orderBy('at', 'asc').limit(10).get())
    const expected = docs.filter((d) => !d.flag && d.i !== 3).sort((x, y) => x.at.getTime() - y.at.getTime() || x.i - y.i).slice(0, 10)
    expect(result.data.map((d: { _id: string }) => d._id)).toEqual(expected.map((d) => d._id))
    expect(n).toBeLessThanOrEqual(12)
  })

  test('a path through an array stays a candidate and matches like MongoDB', async () => {
    await lists().add({ data: { _id: 'basket', items: [{ sku: 'milk' }, { sku: 'rice' }], at: new Date(DAY0) } })
    const found = await lists().where({ 'items.sku': 'rice' }).get()
    expect(found.data.map((d: { _id: string }) => d._id)).toEqual(['basket'])
    expect((await lists().where({ 'items.sku': 'rice' }).count()).total).toBe(1)
    await lists().doc('basket').remove()
  })

  test('a sort field holding values of several types sorts in BSON order, not key order', async () => {
    await lists().add({ data: [{ _id: 'm-date', mixed: new Date(0) }, { _id: 'm-str', mixed: 'zz' }, { _id: 'm-num', mixed: 5 }] })
    const res = await lists().where({ _id: _.in(['m-date', 'm-str', 'm-num']) }).orderBy('mixed', 'asc').get()
    // numbers < strings < dates in MongoDB, whatever the key encoding orders them
    expect(res.data.map((d: { _id: string }) => d._id)).toEqual(['m-num', 'm-str', 'm-date'])
    await lists().where({ _id: _.in(['m-date', 'm-str', 'm-num']) }).remove()
  })
})
