// Parity: aggregate() stages through the real SDK.
import { loadSdk, startTestCloud, type TestCloud, type WxCloud } from './support'

let lc: TestCloud
let db: WxCloud
let $: WxCloud

beforeAll(async () => {
  lc = await startTestCloud()
  db = loadSdk(lc.url).database()
  $ = db.command.aggregate
  await db.createCollection('orders')
  await db.createCollection('products')
  await db.createCollection('bulk')
  await db.collection('products').add({ data: [{ _id: 'milk', title: '奶粉' }, { _id: 'diaper', title: '纸尿裤' }] })
  await db.collection('orders').add({
    data: [
      { _id: 'o1', product: 'milk', qty: 2, priceFen: 100, items: ['a', 'b'] },
      { _id: 'o2', product: 'milk', qty: 1, priceFen: 100, items: ['c'] },
      { _id: 'o3', product: 'diaper', qty: 5, priceFen: 30, items: [] },
    ],
  })
  await db.collection('bulk').add({ data: Array.from({ length: 30 }, (_x, i) => ({ i })) })
})

afterAll(async () => {
  await lc.close()
})

test('match + group + sort', async () => {
  const res = await db.collection('orders').aggregate()
    .match({ qty: db.command.gt(0) })
    .group({ _id: '$product', qty: $.sum('$qty'), n: $.sum(1) })
    .sort({ qty: -1 })
    .end()
  expect(res.errMsg).toBe('collection.aggregate:ok')
  expect(res.list).toEqual([{ _id: 'diaper', qty: 5, n: 1 }, { _id: 'milk', qty: 3, n: 2 }])
})

test('project with expressions, addFields, skip, limit', async () => {
  const res = await db.collection('orders').aggregate()
    .addFields({ totalFen: $.multiply(['$qty', '$priceFen']) })
    .project({ _id: 1, totalFen: 1, big: $.gt(['$qty', 1]) })
    .sort({ _id: 1 })
    .skip(1)
    .limit(1)
    .end()
  expect(res.list).toEqual([{ _id: 'o2', totalFen: 100, big: false }])
})

test('unwind', async () => {
  const res = await db.collection('orders').aggregate().unwind('$items').project({ items: 1 }).end()
  expect(res.list.map((d: { items: string }) => d.items)).toEqual(['a', 'b', 'c'])
})

test('lookup joins another collection', async () => {
  const res = await db.collection('orders').aggregate()
    .match({ _id: 'o3' })
    .lookup({ from: 'products', localField: 'product', foreignField: '_id', as: 'p' })
    .end()
  expect(res.list[0].p).toEqual([{ _id: 'diaper', title: '纸尿裤' }])
})

test('count', async () => {
  const res = await db.collection('orders').aggregate().match({ product: 'milk' }).count('n').end()
  expect(res.list).toEqual([{ n: 2 }])
})

test('sample', async () => {
  const res = await db.collection('bulk').aggregate().sample({ size: 3 }).end()
  expect(res.list).toHaveLength(3)
  expect(new Set(res.list.map((d: { i: number }) => d.i)).size).toBe(3)
})

test('without limit() aggregate returns 20 documents; with limit() more', async () => {
  expect((await db.collection('bulk').aggregate().match({}).end()).list).toHaveLength(20)
  expect((await db.collection('bulk').aggregate().match({}).limit(25).end()).list).toHaveLength(25)
})
