import { main } from '../../cloudfunctions/trace/index'
import { main as memberMain } from '../../cloudfunctions/member/index'
import { COUNTERFEIT_QUERIER_THRESHOLD, MAX_CODES_PER_CHUNK } from '../../domain/trace'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-t-leader'
const MOTHER = 'o-t-mother'
const PENDING = 'o-t-pending'
const VISITOR = 'o-t-visitor'
const REPORT = 'cloud://local-env.local-bucket/trace/quality-2611.pdf'

type Report = {
  batchId: string
  received: number
  imported: number
  duplicates: Record<'inRequest' | 'alreadyInBatch' | 'inOtherBatch', { count: number; sample: string[] }>
  batchCodeCount: number
}
type Lookup = { code: string; found: boolean; product: string | null; producedAt: string | null; queryCount: number; firstQueriedAt: string | null; evidence: unknown[]; warning?: { kind: string; message: string } }

let seq = 0
const rid = () => `req-trace-${String(++seq).padStart(6, '0')}`
const batch = (batchNo: string, extra: Record<string, unknown> = {}) => ({
  action: 'importCodes', batchNo, product: 'A2 奶粉 1 段 900g', producedAt: '2026-10-01', expiresAt: '2028-09-30', customsNo: '310120261000123456', qualityReportFileID: REPORT, ...extra,
})
const code = (prefix: string, i: number) => `${prefix}${String(i).padStart(8, '0')}`

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await h.seedMember({ openid: MOTHER, nickname: '小雨妈妈' })
  await h.seedMember({ openid: PENDING, status: 'pending' })
})
afterAll(async () => {
  await h.close()
})

test('100,000 codes import in five chunks and look up; a retried chunk answers the same report', async () => {
  const all = Array.from({ length: 100_000 }, (_, i) => code('NZA2', i))
  const requestIds = Array.from({ length: 5 }, rid)
  const reports: Report[] = []
  for (let c = 0; c < 5; c++) {
    reports.push(await h.ok<Report>(main, { ...batch('B2610-01'), codes: all.slice(c * MAX_CODES_PER_CHUNK, (c + 1) * MAX_CODES_PER_CHUNK), requestId: requestIds[c] }, LEADER))
  }
  expect(reports.map((r) => r.imported)).toEqual([20_000, 20_000, 20_000, 20_000, 20_000])
  expect(reports[4].batchCodeCount).toBe(100_000)
  expect(await h.count('traceCodes')).toBe(100_000)
  // the last chunk sent again (its answer was lost): the same report, nothing counted twice
  expect(await h.ok(main, { ...batch('B2610-01'), codes: all.slice(80_000), requestId: requestIds[4] }, LEADER)).toEqual(reports[4])
  expect((await h.db.collection('traceBatches').doc(reports[0].batchId).get()).data.codeCount).toBe(100_000)

  const found = await h.ok<Lookup>(main, { action: 'lookup', code: code('nza2', 99_999) }, VISITOR)
  expect(found).toMatchObject({ code: code('NZA2', 99_999), found: true, product: 'A2 奶粉 1 段 900g', producedAt: '2026-10-01', queryCount: 1, firstQueriedAt: new Date().toISOString() })
  expect(found.warning).toBeUndefined()
  expect(found.evidence).toEqual([{ kind: 'customs', title: '报关单号 310120261000123456' }, { kind: 'quality', title: '质检报告', fileID: REPORT }])
}, 120_000)

test('duplicates are reported, never doubled: within a chunk, from an earlier chunk, from another batch', async () => {
  const first = await h.ok<Report>(main, { ...batch('B2610-02'), codes: ['DUP0000001', 'DUP0000002'], requestId: rid() }, LEADER)
  expect(first).toMatchObject({ imported: 2, batchCodeCount: 2 })
  const csv = ['溯源码,备注', 'DUP0000002,again', 'dup0000003', 'DUP0000003', 'DUP0000004', 'NZA200000001'].join('\n')
  const second = await h.ok<Report>(main, { ...batch('B2610-02'), csv, requestId: rid() }, LEADER)
  expect(second).toMatchObject({
    received: 5,
    imported: 2,
    duplicates: {
      inRequest: { count: 1, sample: ['DUP0000003'] },
      alreadyInBatch: { count: 1, sample: ['DUP0000002'] },
      inOtherBatch: { count: 1, sample: ['NZA200000001'] },
    },
    batchCodeCount: 4,
  })
  // the code of the other batch stays there
  expect((await h.ok<Lookup>(main, { action: 'lookup', code: 'NZA200000001' }, MOTHER)).product).toBe('A2 奶粉 1 段 900g')
  expect((await h.db.collection('traceCodes').doc('NZA200000001').get()).data.batchId).not.toBe(second.batchId)
})

test('bad input is BAD_INPUT and changes nothing; a batch described differently is CONFLICT', async () => {
  const before = { codes: await h.count('traceCodes'), batches: await h.count('traceBatches') }
  for (const bad of [
    { ...batch('B-BAD'), codes: ['GOOD000001', 'bad code!'], requestId: rid() },
    { ...batch('B-BAD'), codes: ['GOOD000001'], csv: 'GOOD000002', requestId: rid() },
    { ...batch('B-BAD'), requestId: rid() },
    { ...batch('B-BAD', { expiresAt: '2026-01-01' }), codes: ['GOOD000001'], requestId: rid() },
    { ...batch('B-BAD'), codes: Array.from({ length: MAX_CODES_PER_CHUNK + 1 }, (_, i) => code('X', i)), requestId: rid() },
    { ...batch('B-BAD'), codes: ['GOOD000001'] },
    { ...batch('B-BAD'), csv: Array.from({ length: MAX_CODES_PER_CHUNK + 1 }, (_, i) => code('C', i)).join('\n'), requestId: rid() },
  ]) {
    expect(await h.call(main, bad, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  }
  expect(await h.call(main, { ...batch('B2610-02', { customsNo: '999' }), codes: ['OTHER00001'], requestId: rid() }, LEADER)).toMatchObject({
    ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('报关单号') },
  })
  expect({ codes: await h.count('traceCodes'), batches: await h.count('traceBatches') }).toEqual(before)
})

test('outsiders get the same denial for the import whatever they send; a mother is FORBIDDEN', async () => {
  for (const data of [{ ...batch('B-X'), codes: ['OUT0000001'], requestId: rid() }, { action: 'importCodes' }, { action: 'importCodes', codes: 'x' }]) {
    for (const who of [VISITOR, PENDING]) expect(await h.call(main, data, who)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    expect(await h.call(main, data, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  }
  expect(await h.count('traceCodes', { _id: 'OUT0000001' })).toBe(0)
})

test('an unknown code answers the counterfeit warning', async () => {
  const res = await h.ok<Lookup>(main, { action: 'lookup', code: 'FAKE000001' }, VISITOR)
  expect(res).toMatchObject({ found: false, queryCount: 0, product: null, warning: { kind: 'unknown', message: expect.stringContaining('假一赔十') } })
})

test('a code looked up by many different people warns; her repeats count as lookups, not people; nobody learns who', async () => {
  const target = code('NZA2', 500)
  const people = Array.from({ length: COUNTERFEIT_QUERIER_THRESHOLD }, (_, i) => `o-t-scanner-${i}`)
  h.advance(60_000)
  const firstAt = new Date().toISOString()
  let res = await h.ok<Lookup>(main, { action: 'lookup', code: target }, people[0])
  for (let i = 0; i < 3; i++) res = await h.ok<Lookup>(main, { action: 'lookup', code: target }, people[0])
  expect(res).toMatchObject({ queryCount: 4, firstQueriedAt: firstAt })
  expect(res.warning).toBeUndefined()
  for (const p of people.slice(1, -1)) res = await h.ok<Lookup>(main, { action: 'lookup', code: target }, p)
  expect(res.warning).toBeUndefined() // threshold − 1 people
  h.advance(60_000)
  res = await h.ok<Lookup>(main, { action: 'lookup', code: target }, people[people.length - 1])
  expect(res).toMatchObject({ queryCount: 4 + COUNTERFEIT_QUERIER_THRESHOLD - 1, firstQueriedAt: firstAt, warning: { kind: 'manyQueriers', message: expect.stringContaining('假一赔十') } })
  for (const p of people) expect(JSON.stringify(res)).not.toContain(p)
  // her export holds her own lookups, never another person's
  await h.seedMember({ openid: people[0] })
  const exported = await h.ok<{ content: Record<string, Array<Record<string, unknown>>> }>(memberMain, { action: 'export' }, people[0])
  expect(exported.content.traceQueries).toEqual([expect.objectContaining({ code: target })])
  expect(JSON.stringify(exported)).not.toContain(people[1])
})

test('lookups at the same moment are all counted, and each person once', async () => {
  const target = code('NZA2', 600)
  // all four read the counts before any of them writes
  const overlap = h.barrier({ collection: 'traceCodes', action: 'get', count: 4 })
  const who = ['o-t-race-1', 'o-t-race-2', 'o-t-race-1', 'o-t-race-2']
  await Promise.all([...who.map((p) => h.ok(main, { action: 'lookup', code: target }, p)), overlap])
  expect((await h.db.collection('traceCodes').doc(target).get()).data).toMatchObject({ queryCount: 4 })
  expect(await h.count('traceQueries', { code: target })).toBe(2)
})
