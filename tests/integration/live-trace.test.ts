// live and trace through localcloud: the built functions in their workers, the client gateway, the
// real wx-server-sdk, and the `live` function's own timer trigger firing as the clock moves.
import { TEMPLATE_IDS } from '../../domain/notifications'
import { MAX_CODES_PER_CHUNK } from '../../domain/trace'
import { useCloud } from './support'

const LEADER = 'o-it-live-leader'
const MOTHER = 'o-it-live-mother'
const MOTHER_2 = 'o-it-live-mother-2'
const VISITOR = 'o-it-live-visitor'
const START = '2026-11-21T20:00:00+08:00'
let seq = 0
const rid = () => `req-it-live-${String(++seq).padStart(5, '0')}`

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-20T10:00:00+08:00')
  await cloud.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await cloud.seedMember({ openid: MOTHER, tags: ['0-6月'], nickname: '小雨妈妈' })
  await cloud.seedMember({ openid: MOTHER_2, tags: ['0-6月'], nickname: '豆豆妈妈' })
})

test('the timer sends the reminder ten minutes before the start, once per mother, and records every send and refusal', async () => {
  const { id } = await cloud.ok<{ id: string }>('live', {
    action: 'create', title: '保税仓直播', host: { name: '王团长' }, scene: 'bonded', startAt: START,
    products: [{ name: 'A2 奶粉' }], evidence: [{ kind: 'customs', title: '报关单' }], requestId: rid(),
  }, LEADER)
  await cloud.grantSubscription(MOTHER, TEMPLATE_IDS.liveReminder)
  // she taps 提醒我 twice (two accepts on the platform, two counted here); one reminder for this live
  await cloud.grantSubscription(MOTHER, TEMPLATE_IDS.liveReminder)
  for (let i = 0; i < 2; i++) expect(await cloud.ok('live', { action: 'remind', liveId: id, accepted: ['reminder'], requestId: rid() }, MOTHER)).toMatchObject({ reminded: true })
  // MOTHER_2 tells the app she accepted, but the platform never recorded it
  await cloud.ok('live', { action: 'remind', liveId: id, accepted: ['reminder'], requestId: rid() }, MOTHER_2)

  await cloud.setClock('2026-11-21T19:49:00+08:00')
  expect((await cloud.outbox(MOTHER)).filter((m) => m.template_id === TEMPLATE_IDS.liveReminder)).toHaveLength(0)
  await cloud.setClock('2026-11-21T19:50:30+08:00')
  for (let i = 0; i < 3; i++) await cloud.advanceClock(60_000) // the trigger fires again each minute
  const reminders = (await cloud.outbox(MOTHER)).filter((m) => m.template_id === TEMPLATE_IDS.liveReminder)
  expect(reminders).toHaveLength(1)
  expect(reminders[0]).toMatchObject({ touser: MOTHER, data: { thing1: { value: '保税仓直播' }, time2: { value: '2026-11-21 20:00' } } })
  expect(await cloud.outbox(MOTHER_2)).toHaveLength(0)
  const records = (await cloud.db.collection('liveNotices').where({ liveId: id }).get()).data
  expect(records).toEqual(expect.arrayContaining([
    expect.objectContaining({ openid: MOTHER, kind: 'liveReminder', status: 'sent' }),
    expect.objectContaining({ openid: MOTHER_2, kind: 'liveReminder', status: 'refused', errCode: 43101 }),
  ]))
  const consents = (await cloud.db.collection('consents').where({ openid: MOTHER, templateId: TEMPLATE_IDS.liveReminder }).get()).data
  expect(consents[0]).toMatchObject({ credits: 1, active: true })
})

test('100,000 codes import through the gateway in chunks; anyone looks a code up; nobody learns who else did', async () => {
  const batch = {
    action: 'importCodes', batchNo: 'IT-2611', product: 'A2 奶粉 1 段 900g', producedAt: '2026-10-01', expiresAt: '2028-09-30',
    customsNo: '310120261000123456', qualityReportFileID: 'cloud://local-env.bucket/trace/q.pdf',
  }
  const codes = Array.from({ length: 100_000 }, (_, i) => `IT${String(i).padStart(8, '0')}`)
  let last: { imported: number; batchCodeCount: number } | undefined
  for (let from = 0; from < codes.length; from += MAX_CODES_PER_CHUNK) {
    last = await cloud.ok('trace', { ...batch, codes: codes.slice(from, from + MAX_CODES_PER_CHUNK), requestId: rid() }, LEADER)
    expect(last?.imported).toBe(MAX_CODES_PER_CHUNK)
  }
  expect(last?.batchCodeCount).toBe(100_000)
  // the whole batch again: every code reported as already in the batch, none stored twice
  const again = await cloud.ok<{ imported: number; duplicates: { alreadyInBatch: { count: number } } }>('trace', { ...batch, codes: codes.slice(0, 1000), requestId: rid() }, LEADER)
  expect(again).toMatchObject({ imported: 0, duplicates: { alreadyInBatch: { count: 1000 } } })
  expect((await cloud.db.collection('traceCodes').count()).total).toBe(100_000)

  const first = await cloud.ok<Record<string, unknown>>('trace', { action: 'lookup', code: 'it00099999' }, MOTHER)
  expect(first).toMatchObject({ found: true, product: 'A2 奶粉 1 段 900g', queryCount: 1 })
  const second = await cloud.ok<Record<string, unknown>>('trace', { action: 'lookup', code: 'IT00099999' }, VISITOR)
  expect(second).toMatchObject({ found: true, queryCount: 2, firstQueriedAt: first.firstQueriedAt })
  expect(JSON.stringify(second)).not.toContain(MOTHER)
  expect(await cloud.call('trace', { ...batch, codes: ['IT99999999'], requestId: rid() }, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await cloud.call('trace', { action: 'lookup', code: 'NOPE0001' }, VISITOR)).toMatchObject({ ok: true, data: { found: false, warning: { kind: 'unknown' } } })
}, 120_000)
