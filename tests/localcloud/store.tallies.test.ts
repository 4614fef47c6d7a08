// Counts from kept tallies answer exactly what MongoDB's count answers (mingo over every document
// is the reference), through inserts, updates, replaces, removes, rollbacks and a reopen.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Query } from 'mingo'
import { Store, type Doc, type Filter, type IndexSpec } from '../../localcloud/store'

const COLL = 'things'
const INDEXES: IndexSpec[] = [
  { name: 'flag_at', keys: { flag: 1, at: -1 } },
  { name: 'tags_at', keys: { tags: 1, at: -1 } },
  { name: 'status_1', keys: { status: 1 } },
  { name: 'owner_1', keys: { owner: 1 } },
  { name: 'items.sku_1', keys: { 'items.sku': 1 } },
]
const TAGS = ['a', 'b', 'c', 'd']
const STATUSES = ['member', 'pending', 'rejected']

function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** Documents of the shapes a count meets: arrays, scalars where arrays usually are, missing fields, numbers as owners. */
function makeDoc(rnd: () => number, i: number): Doc {
  const pick = <T>(xs: T[]): T => xs[Math.floor(rnd() * xs.length)]
  const r = rnd()
  const tags = r < 0.15 ? pick(TAGS) : r < 0.25 ? [] : r < 0.3 ? [pick(TAGS), pick(TAGS), pick(TAGS)] : [pick(TAGS)]
  const doc: Doc = { _id: `t${i}`, flag: rnd() < 0.3, tags, at: new Date(Date.UTC(2026, 0, 1) + i * 60_000) }
  if (rnd() < 0.9) doc.status = pick(STATUSES)
  doc.owner = rnd() < 0.5 ? Math.floor(rnd() * 5) : `u${Math.floor(rnd() * 5)}`
  return doc
}

const FILTERS: Filter[] = [
  { flag: false },
  { status: 'member' },
  { status: { $in: ['member', 'pending'] } },
  { tags: 'a' },
  { tags: { $in: ['a', 'b'] } },
  { tags: { $in: ['a', 'b', 'c'] }, flag: true },
  { status: 'member', tags: 'b' },
  { status: { $eq: 'pending' }, tags: { $in: ['c'] }, flag: false },
  { owner: 3 },
  { owner: { $in: [3, 'u3', 3.0] } },
  { $or: [{ flag: false }, { tags: { $in: ['a'] } }] },
  { $or: [{ flag: false }, { tags: { $in: ['a', 'd'] } }] },
  { $or: [{ flag: true }, { owner: 'u1' }] },
  { $or: [{ status: 'member' }, { status: 'pending' }, { tags: 'c' }] },
  { $or: [{ status: 'member', tags: 'a' }, { status: 'member', tags: 'b' }] },
  { status: 'member', $or: [{ flag: true }, { tags: 'd' }] },
  { $and: [{ $or: [{ flag: true }, { tags: 'a' }] }, { $or: [{ status: 'pending' }, { owner: 2 }] }] },
  { $or: [{ _id: 't3' }, { flag: true }] },
  { status: 'member', $and: [{ status: 'pending' }] },
  { $or: [{ tags: 'a', status: 'member' }, { tags: { $in: ['b', 'c'] }, flag: true }, { owner: { $in: [1, 'u2'] } }] },
  { _id: { $in: ['t1', 't2', 'nope'] }, flag: false },
  { 'items.sku': 'milk' },
  { status: 'member', tags: 'a', flag: false, owner: { $in: [0, 1, 2, 'u0'] } },
]

let dir: string
let store: Store

const truth = (filter: Filter): number => {
  const query = new Query(filter)
  return store.find(COLL).filter(d => query.test(d)).length
}

/** Every filter counted by the store equals mingo over every document. */
function expectCountsRight(): void {
  for (const filter of FILTERS) expect({ filter, n: store.count(COLL, filter) }).toEqual({ filter, n: truth(filter) })
}

const talliesOf = (): string[] => store.db.prepare('SELECT combo FROM _tallies WHERE collection = ?').pluck().all(COLL) as string[]

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'store-tallies-'))
  store = new Store(path.join(dir, 'store.sqlite'))
  store.ensureCollection({ name: COLL, indexes: INDEXES })
  const rnd = prng(11)
  store.atomic(() => {
    for (let i = 0; i < 600; i++) store.insert(COLL, makeDoc(rnd, i))
  })
})

afterEach(() => {
  store.close()
  fs.rmSync(dir, { recursive: true, force: true })
})

test('equality and $or counts come from tallies, parse no document, and equal MongoDB counts', () => {
  const before = store.stats.docsExamined
  const counted = FILTERS.map(f => store.count(COLL, f))
  expect(store.stats.docsExamined - before).toBe(0)
  // tuple tallies for conjunctions, a set tally where one document may hold several of the tags asked for
  expect(talliesOf()).toEqual(expect.arrayContaining(['["flag"]', '["status","tags"]', '["flag","tags"]', '["owner"]', 'sets:["flag","tags"]']))
  expect(counted).toEqual(FILTERS.map(truth))
})

test('tallies follow inserts, updates, replaces and removes', () => {
  expectCountsRight() // builds the tallies
  const rnd = prng(5)
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < 40; i++) store.insert(COLL, makeDoc(rnd, 1000 + round * 100 + i))
    store.update(COLL, { status: 'pending' }, { $set: { status: 'member' }, $push: { tags: 'd' } }, { multi: false })
    store.update(COLL, { tags: 'a', flag: false }, { $set: { flag: true } }, { multi: true })
    store.update(COLL, { owner: 3 }, { $pull: { tags: 'b' } }, { multi: true })
    store.update(COLL, { status: 'rejected' }, { $unset: { status: '' } }, { multi: false })
    store.put(COLL, { ...makeDoc(rnd, round), tags: ['c', 'c', 'a'] })
    store.replaceById(COLL, `t${10 + round}`, { flag: false, tags: 'b', owner: 3.0 })
    store.remove(COLL, { tags: 'c', status: 'member' }, { multi: false })
    store.removeById(COLL, `t${20 + round}`)
    store.remove(COLL, { owner: `u${round}`, flag: true }, { multi: true })
    expectCountsRight()
  }
})

test('a write that rolls back leaves the tallies as they were', () => {
  expectCountsRight()
  expect(() =>
    store.atomic(() => {
      store.insert(COLL, { _id: 'gone', flag: false, tags: ['a', 'b'], status: 'member', owner: 3 })
      store.update(COLL, { status: 'member' }, { $set: { status: 'pending' } }, { multi: true })
      store.removeById(COLL, 't1')
      throw new Error('abandon')
    }),
  ).toThrow('abandon')
  expectCountsRight()
})

test('a path through an array drops the tally of that field; counts stay right, and it is rebuilt once the path is gone', () => {
  store.insert(COLL, { _id: 'plain-item', items: { sku: 'milk' } })
  expect(store.count(COLL, { 'items.sku': 'milk' })).toBe(1)
  expect(talliesOf()).toContain('["items.sku"]')
  store.insert(COLL, { _id: 'basket', items: [{ sku: 'milk' }, { sku: 'rice' }] })
  expect(talliesOf()).not.toContain('["items.sku"]')
  expect(store.count(COLL, { 'items.sku': 'milk' })).toBe(2)
  store.removeById(COLL, 'basket')
  expect(store.count(COLL, { 'items.sku': 'milk' })).toBe(1)
  expect(talliesOf()).toContain('["items.sku"]')
  expectCountsRight()
})

test('a field that starts holding arrays later is counted per element, not per value', () => {
  expect(store.count(COLL, { owner: { $in: [1, 2] } })).toBe(truth({ owner: { $in: [1, 2] } }))
  store.insert(COLL, { _id: 'two-owners', owner: [1, 2], flag: true })
  store.insert(COLL, { _id: 'owner-twice', owner: [2, 2.0], flag: true })
  expectCountsRight()
  expect(store.count(COLL, { owner: { $in: [1, 2] } })).toBe(truth({ owner: { $in: [1, 2] } }))
  expect(store.count(COLL, { $or: [{ owner: 1 }, { owner: 2 }] })).toBe(truth({ owner: { $in: [1, 2] } }))
})

test('tallies survive a reopen and keep following writes', () => {
  expectCountsRight()
  const combos = talliesOf()
  store.close()
  store = new Store(path.join(dir, 'store.sqlite'))
  store.ensureCollection({ name: COLL, indexes: INDEXES })
  expect(talliesOf()).toEqual(combos)
  store.insert(COLL, { _id: 'after-reopen', flag: false, tags: ['a', 'd'], status: 'member', owner: 'u1' })
  store.update(COLL, { status: 'pending' }, { $set: { tags: ['b'] } }, { multi: true })
  expectCountsRight()
})
