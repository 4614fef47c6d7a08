// Parity: documents, queries and update commands through the real wx-server-sdk.
import { loadSdk, rejection, startTestCloud, type TestCloud, type WxCloud } from './support'

let lc: TestCloud
let cloud: WxCloud
let db: WxCloud
let _: WxCloud

beforeAll(async () => {
  lc = await startTestCloud()
  cloud = loadSdk(lc.url)
  db = cloud.database()
  _ = db.command
  for (const name of ['people', 'things', 'many', 'upd']) await db.createCollection(name)
  await db.collection('people').add({
    data: [
      { _id: 'p1', name: 'An', age: 30, city: 'Shanghai', tags: ['a', 'b'], kids: [{ n: 'x', age: 2 }], addr: { zip: '200000', geo: { lvl: 1 } }, n: 7 },
      { _id: 'p2', name: 'Bo', age: 25, city: 'Beijing', tags: ['b'], kids: [{ n: 'y', age: 5 }, { n: 'z', age: 1 }], addr: { zip: '100000' }, n: 8 },
      { _id: 'p3', name: 'Cai', age: 35, city: 'Shanghai', tags: [], kids: [], n: 9, nick: null },
      { _id: 'p4', name: 'dan', age: 40, city: 'Hangzhou', tags: ['a', 'b', 'c'], kids: [{ n: 'w', age: 9 }], addr: { zip: '310000' }, n: 10 },
    ],
  })
})

afterAll(async () => {
  await lc.close()
})

const ids = (res: { data: Array<{ _id: string }> }): string[] => res.data.map(d => d._id).sort()

describe('documents', () => {
  test('add returns a generated 32-hex _id and doc().get reads it back with types intact', async () => {
    const when = new Date('2026-01-02T03:04:05.678Z')
    const res = await db.collection('things').add({ data: { title: '奶粉', price: 12900, ratio: 1.5, ok: true, when, nested: { list: [1, 'two'] } } })
    expect(res.errMsg).toBe('collection.add:ok')
    expect(res._id).toMatch(/^[0-9a-f]{32}$/)
    const got = await db.collection('things').doc(res._id).get()
    expect(got.errMsg).toBe('document.get:ok')
    expect(got.data).toEqual({ _id: res._id, title: '奶粉', price: 12900, ratio: 1.5, ok: true, when, nested: { list: [1, 'two'] } })
    expect(got.data.when).toBeInstanceOf(Date)
  })

  test('add with a chosen _id keeps it', async () => {
    const res = await db.collection('things').add({ data: { _id: 'mine', v: 1 } })
    expect(res._id).toBe('mine')
    expect((await db.collection('things').doc('mine').get()).data.v).toBe(1)
  })

  test('set replaces a document or creates it (stats.created), update merges, remove deletes', async () => {
    const things = db.collection('things')
    const created = await things.doc('s1').set({ data: { a: 1, b: { c: 2 } } })
    expect(created).toMatchObject({ _id: 's1', stats: { updated: 0, created: 1 } })
    const replaced = await things.doc('s1').set({ data: { z: 9 } })
    expect(replaced).toMatchObject({ _id: 's1', stats: { updated: 1, created: 0 } })
    expect((await things.doc('s1').get()).data).toEqual({ _id: 's1', z: 9 })

    const upd = await things.doc('s1').update({ data: { y: 1, deep: { k: 1 } } })
    expect(upd.stats).toEqual({ updated: 1 })
    await things.doc('s1').update({ data: { deep: { j: 2 } } }) // plain objects merge (dotted $set)
    expect((await things.doc('s1').get()).data).toEqual({ _id: 's1', z: 9, y: 1, deep: { k: 1, j: 2 } })

    const rm = await things.doc('s1').remove()
    expect(rm.stats).toEqual({ removed: 1 })
    expect((await things.doc('s1').remove()).stats).toEqual({ removed: 0 })
  })

  test('a missing document: get throws, update and remove report 0', async () => {
    const err = await rejection(db.collection('things').doc('nope').get())
    expect(err.errCode).toBe(-1)
    expect(String(err.errMsg)).toContain('document with _id nope does not exist')
    expect((await db.collection('things').doc('nope').update({ data: { a: 1 } })).stats.updated).toBe(0)
  })

  test('update reports only documents it changed (like MongoDB nModified)', async () => {
    await db.collection('things').doc('same').set({ data: { v: 1 } })
    expect((await db.collection('things').doc('same').update({ data: { v: 1 } })).stats.updated).toBe(0)
    expect((await db.collection('things').doc('same').update({ data: { v: 2 } })).stats.updated).toBe(1)
  })

  test('db.serverDate() is the server clock (plus offset) on add and update', async () => {
    const serverNow = lc.clock.now()
    const { _id } = await db.collection('things').add({ data: { at: db.serverDate(), later: db.serverDate({ offset: 60_000 }) } })
    const doc = (await db.collection('things').doc(_id).get()).data
    expect(doc.at).toBeInstanceOf(Date)
    expect(Math.abs(doc.at.getTime() - serverNow)).toBeLessThan(2000)
    expect(doc.later.getTime() - doc.at.getTime()).toBe(60_000)

    lc.clock.advance(24 * 3600_000)
    await db.collection('things').doc(_id).update({ data: { at: db.serverDate() } })
    const moved = (await db.collection('things').doc(_id).get()).data
    expect(moved.at.getTime() - doc.at.getTime()).toBeGreaterThanOrEqual(24 * 3600_000)
    lc.clock.advance(-24 * 3600_000)
  })
})

describe('query commands', () => {
  const people = () => db.collection('people')
  const cases: Array<[string, () => unknown, string[]]> = [
    ['plain equality', () => ({ city: 'Shanghai' }), ['p1', 'p3']],
    ['eq', () => ({ age: _.eq(25) }), ['p2']],
    ['neq', () => ({ city: _.neq('Shanghai') }), ['p2', 'p4']],
    ['gt', () => ({ age: _.gt(30) }), ['p3', 'p4']],
    ['gte', () => ({ age: _.gte(30) }), ['p1', 'p3', 'p4']],
    ['lt', () => ({ age: _.lt(30) }), ['p2']],
    ['lte', () => ({ age: _.lte(30) }), ['p1', 'p2']],
    ['in', () => ({ city: _.in(['Beijing', 'Hangzhou']) }), ['p2', 'p4']],
    ['nin', () => ({ city: _.nin(['Beijing', 'Hangzhou']) }), ['p1', 'p3']],
    ['and (field)', () => ({ age: _.gte(30).and(_.lte(35)) }), ['p1', 'p3']],
    ['and (top level)', () => _.and([{ city: 'Shanghai' }, { age: _.gt(30) }]), ['p3']],
    ['or (field)', () => ({ age: _.lt(26).or(_.gt(39)) }), ['p2', 'p4']],
    ['or (top level)', () => _.or([{ city: 'Beijing' }, { name: 'dan' }]), ['p2', 'p4']],
    ['nor', () => _.nor([{ city: 'Shanghai' }, { age: 40 }]), ['p2']],
    ['not', () => ({ age: _.not(_.gt(30)) }), ['p1', 'p2']],
    ['exists true', () => ({ addr: _.exists(true) }), ['p1', 'p2', 'p4']],
    ['exists false', () => ({ addr: _.exists(false) }), ['p3']],
    ['null matches null or missing', () => ({ nick: null }), ['p1', 'p2', 'p3', 'p4']],
    ['size', () => ({ tags: _.size(2) }), ['p1']],
    ['elemMatch', () => ({ kids: _.elemMatch({ age: _.gt(4), n: _.neq('w') }) }), ['p2']],
    ['all', () => ({ tags: _.all(['a', 'b']) }), ['p1', 'p4']],
    ['mod', () => ({ n: _.mod([2, 0]) }), ['p2', 'p4']],
    ['array contains', () => ({ tags: 'c' }), ['p4']],
    ['nested path a.b', () => ({ 'addr.zip': '100000' }), ['p2']],
    ['nested object (flattened)', () => ({ addr: { geo: { lvl: 1 } } }), ['p1']],
    ['nested path into array', () => ({ 'kids.n': 'z' }), ['p2']],
    ['db.RegExp', () => ({ name: db.RegExp({ regexp: '^[a-c]', options: 'i' }) }), ['p1', 'p2', 'p3']],
    ['JS RegExp', () => ({ name: /^d/ }), ['p4']],
  ]
  test.each(cases)('%s', async (_name, where, expected) => {
    expect(ids(await people().where(where()).get())).toEqual(expected)
  })

  test('orderBy, skip, limit, field', async () => {
    const res = await people().where({ age: _.gt(0) }).orderBy('city', 'asc').orderBy('age', 'desc').skip(1).limit(2).field({ name: true, age: true }).get()
    expect(res.data).toEqual([
      { _id: 'p4', name: 'dan', age: 40 },
      { _id: 'p3', name: 'Cai', age: 35 },
    ])
    const excluded = await people().doc('p1').field({ kids: false, tags: false, addr: false }).get()
    expect(excluded.data).toEqual({ _id: 'p1', name: 'An', age: 30, city: 'Shanghai', n: 7 })
  })

  test('count', async () => {
    expect(await people().where({ city: 'Shanghai' }).count()).toMatchObject({ total: 2, errMsg: 'collection.count:ok' })
    expect((await people().count()).total).toBe(4)
  })

  test('get() without limit returns 100 documents; limit() up to 1000 is honoured', async () => {
    const many = db.collection('many')
    for (let i = 0; i < 3; i++) await many.add({ data: Array.from({ length: 50 }, (_x, j) => ({ i: i * 50 + j })) })
    expect((await many.get()).data).toHaveLength(100)
    expect((await many.where({ i: _.gte(0) }).get()).data).toHaveLength(100)
    expect((await many.limit(120).get()).data).toHaveLength(120)
    expect((await many.skip(140).get()).data.map((d: { i: number }) => d.i)).toEqual([...Array(10).keys()].map(k => 140 + k))
  })
})

describe('update commands', () => {
  const upd = () => db.collection('upd')
  const base = {
    n: 10, m: 3, lo: 5, hi: 5, old: 'x', gone: 1,
    arr: [1, 2, 3], q: [1, 2, 3], set: [1, 2], pl: [1, 2, 3, 2], pa: [1, 2, 3, 4], front: [2], obj: { a: 1, b: 2 },
  }
  beforeEach(async () => {
    await upd().doc('u').set({ data: base })
  })
  const after = async (data: () => Record<string, unknown>): Promise<Record<string, unknown>> => {
    const res = await upd().doc('u').update({ data: data() })
    expect(res.stats.updated).toBe(1)
    return (await upd().doc('u').get()).data
  }
  test('set replaces a sub-object', async () => expect((await after(() => ({ obj: _.set({ c: 3 }) }))).obj).toEqual({ c: 3 }))
  test('remove', async () => expect(await after(() => ({ gone: _.remove() }))).not.toHaveProperty('gone'))
  test('inc', async () => expect((await after(() => ({ n: _.inc(-3) }))).n).toBe(7))
  test('mul', async () => expect((await after(() => ({ m: _.mul(4) }))).m).toBe(12))
  test('min', async () => expect((await after(() => ({ lo: _.min(2) }))).lo).toBe(2))
  test('max', async () => expect((await after(() => ({ hi: _.max(9) }))).hi).toBe(9))
  test('rename', async () => {
    const doc = await after(() => ({ old: _.rename('renamed') }))
    expect(doc.renamed).toBe('x')
    expect(doc).not.toHaveProperty('old')
  })
  test('push', async () => expect((await after(() => ({ arr: _.push([4, 5]) }))).arr).toEqual([1, 2, 3, 4, 5]))
  test('push with position/sort/slice', async () =>
    expect((await after(() => ({ arr: _.push({ each: [9, 0], sort: -1, slice: 3 }) }))).arr).toEqual([9, 3, 2]))
  test('pop', async () => expect((await after(() => ({ q: _.pop() }))).q).toEqual([1, 2]))
  test('shift', async () => expect((await after(() => ({ q: _.shift() }))).q).toEqual([2, 3]))
  test('unshift', async () => expect((await after(() => ({ front: _.unshift([0, 1]) }))).front).toEqual([0, 1, 2]))
  test('addToSet', async () => {
    expect((await after(() => ({ set: _.addToSet(3) }))).set).toEqual([1, 2, 3])
    expect((await upd().doc('u').update({ data: { set: _.addToSet(3) } })).stats.updated).toBe(0)
  })
  test('pull', async () => expect((await after(() => ({ pl: _.pull(2) }))).pl).toEqual([1, 3]))
  test('pull with a condition', async () => expect((await after(() => ({ pl: _.pull(_.gt(1)) }))).pl).toEqual([1]))
  test('pullAll', async () => expect((await after(() => ({ pa: _.pullAll([1, 4]) }))).pa).toEqual([2, 3]))
  test('where().update updates every match and reports the count', async () => {
    await upd().add({ data: [{ grp: 'g', v: 1 }, { grp: 'g', v: 2 }, { grp: 'h', v: 3 }] })
    expect((await upd().where({ grp: 'g' }).update({ data: { v: _.inc(10) } })).stats.updated).toBe(2)
    expect((await upd().where({ grp: 'g' }).get()).data.map((d: { v: number }) => d.v).sort()).toEqual([11, 12])
    expect((await upd().where({ grp: _.in(['g', 'h']) }).remove()).stats.removed).toBe(3)
  })
})
