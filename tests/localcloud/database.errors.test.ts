// Parity: the error codes and messages the real service answers, as the SDK surfaces them.
import { loadSdk, postJson, rejection, startTestCloud, type TestCloud, type WxCloud } from './support'

const MISSING = '[ResourceNotFound] Db or Table not exist. Please check your request, but if the problem cannot be solved, contact us.'

let lc: TestCloud
let db: WxCloud

beforeAll(async () => {
  lc = await startTestCloud({
    manifest: { collections: [{ name: 'members', indexes: [{ name: 'phone_unique', keys: { phone: 1 }, unique: true }] }] },
  })
  db = loadSdk(lc.url).database()
})

afterAll(async () => {
  await lc.close()
})

describe('missing collection', () => {
  test('add → -502005 with the real message', async () => {
    const err = await rejection(db.collection('ghost').add({ data: { a: 1 } }))
    expect(err.errCode).toBe(-502005)
    expect(err.errMsg).toBe(`collection.add:fail -502005 database collection not exists. ${MISSING}`)
  })
  test.each([
    ['where().get', () => db.collection('ghost').where({ a: 1 }).get()],
    ['doc().get', () => db.collection('ghost').doc('x').get()],
    ['count', () => db.collection('ghost').count()],
    ['doc().update', () => db.collection('ghost').doc('x').update({ data: { a: 1 } })],
    ['doc().set', () => db.collection('ghost').doc('x').set({ data: { a: 1 } })],
    ['where().remove', () => db.collection('ghost').where({ a: 1 }).remove()],
  ])('%s → -502005', async (_name, call) => {
    const err = await rejection(call())
    expect(err.errCode).toBe(-502005)
    expect(String(err.errMsg)).toContain(MISSING)
  })
})

test('aggregate on a missing collection: the SDK does not map the code (errCode -1, code kept)', async () => {
  const err = await rejection(db.collection('ghost').aggregate().match({}).end())
  expect(err).toMatchObject({ errCode: -1, code: 'DATABASE_COLLECTION_NOT_EXIST' })
  expect(String(err.errMsg)).toContain(MISSING)
})

test('createCollection creates once; again fails with the SDK shape for createCollection errors', async () => {
  const ok = await db.createCollection('fresh')
  expect(ok.errMsg).toBe('createCollection:ok')
  await db.collection('fresh').add({ data: { a: 1 } })
  const err = await rejection(db.createCollection('fresh'))
  expect(err.errCode).toBe(-1)
  expect(err.code).toBe('DATABASE_COLLECTION_ALREADY_EXIST')
  expect(String(err.errMsg)).toMatch(/^createCollection:fail .*Table exist/)
})

test('collections from the manifest exist at startup', async () => {
  expect((await db.collection('members').count()).total).toBe(0)
})

test('duplicate _id → -502001 with MongoDB duplicate-key text; nothing written', async () => {
  await db.collection('members').add({ data: { _id: 'dup', v: 1 } })
  const err = await rejection(db.collection('members').add({ data: { _id: 'dup', v: 2 } }))
  expect(err.errCode).toBe(-502001)
  expect(String(err.errMsg)).toMatch(/^collection\.add:fail -502001 database request fail\. E11000 duplicate key error collection: members index: _id_ dup key/)
  expect((await db.collection('members').doc('dup').get()).data.v).toBe(1)
})

test('unique index violation on add, set and update → -502001 naming the index', async () => {
  const members = db.collection('members')
  await members.add({ data: { _id: 'm1', phone: '13800000001' } })
  await members.add({ data: { _id: 'm2', phone: '13800000002' } })
  for (const call of [
    () => members.add({ data: { phone: '13800000001' } }),
    () => members.doc('m3').set({ data: { phone: '13800000001' } }),
    () => members.doc('m2').update({ data: { phone: '13800000001' } }),
  ]) {
    const err = await rejection(call())
    expect(err.errCode).toBe(-502001)
    expect(String(err.errMsg)).toContain('index: phone_unique dup key')
  }
  expect((await members.doc('m2').get()).data.phone).toBe('13800000002')
  expect((await members.where({ phone: '13800000001' }).count()).total).toBe(1)
  // documents without the field do not collide (like a sparse unique index)
  await members.add({ data: { _id: 'np1' } })
  await members.add({ data: { _id: 'np2' } })
})

test('a batch add with one duplicate writes none of the batch', async () => {
  const err = await rejection(db.collection('members').add({ data: [{ _id: 'b1' }, { _id: 'dup' }] }))
  expect(err.errCode).toBe(-502001)
  expect(await rejection(db.collection('members').doc('b1').get())).toMatchObject({ errCode: -1 })
})

test('malformed operator → an SDK error, server keeps serving', async () => {
  const res = await postJson(`${lc.url}/admin?env=local-env`, {
    action: 'database.getDocument', collectionName: 'members', queryType: 'WHERE', query: '{"a":{"$frobnicate":1}}',
  })
  expect(res.code).toBe('DATABASE_REQUEST_FAILED')
  expect(res.requestId).toBeTruthy()
  const bad = await postJson(`${lc.url}/admin?env=local-env`, { action: 'database.getDocument', collectionName: 'members', query: '{not ejson' })
  expect(bad.code).toBe('INVALID_PARAM')
  expect((await db.collection('members').doc('m1').get()).data.phone).toBe('13800000001')
})

test('unknown action → INVALID_PARAM', async () => {
  const res = await postJson(`${lc.url}/admin?env=local-env`, { action: 'database.frobnicate' })
  expect(res).toMatchObject({ code: 'INVALID_PARAM' })
  expect(String(res.message)).toContain('database.frobnicate')
})
