import { main } from '../../cloudfunctions/live/index'
import { sendLiveNotices } from '../../cloudfunctions/live/notify'
import { TEMPLATE_IDS } from '../../domain/notifications'
import { consentId } from '../../server/collections/consents'
import { reminderSignupId } from '../../server/collections/live-reminders'
import { sdk } from '../../server/cloud'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-lt-leader'
// more than a page of 100: the walk goes past its first page
const MOTHERS = Array.from({ length: 130 }, (_, i) => `o-lt-${String(i).padStart(3, '0')}`)
const START = '2026-12-01T20:00:00+08:00'
let liveId = ''

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'] })
  await h.db.collection('members').add({ data: MOTHERS.map((openid) => ({ _id: openid, status: 'member', roles: [], tags: [], nickname: openid })) })
  liveId = (await h.ok<{ id: string }>(main, { action: 'create', title: '大场直播', host: { name: '王团长' }, scene: 'factory', startAt: START, requestId: 'req-lt-000001' }, LEADER)).id
  const now = new Date()
  // every mother tapped 提醒我 once and accepted once on the platform
  await h.db.collection('liveReminders').add({ data: MOTHERS.map((openid) => ({ _id: reminderSignupId(liveId, openid), liveId, openid, createdAt: now })) })
  await h.db.collection('consents').add({
    data: MOTHERS.map((openid) => ({ _id: consentId(openid, TEMPLATE_IDS.liveReminder), openid, templateId: TEMPLATE_IDS.liveReminder, credits: 1, active: true, updatedAt: now })),
  })
  for (const openid of MOTHERS) await h.grantSubscription(openid, TEMPLATE_IDS.liveReminder)
})
afterAll(async () => {
  await h.close()
})

const ctx = () => ({ db: h.db, now: () => new Date(), cloud: sdk() })

test('a run out of time stops between two messages and the next run goes on from there: each mother reminded once', async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    h.setNow('2026-12-01T19:51:00+08:00')
    // the announcement has gone to nobody (no announcement consents)
    await h.db.collection('lives').doc(liveId).update({ data: { announcePending: false } })
    // the clock the budget reads jumps past the deadline after some messages
    const realNow = Date.now
    let reads = 0
    const spy = jest.spyOn(Date, 'now').mockImplementation(() => realNow() + (++reads > 40 ? 3_600_000 : 0))
    let first
    try {
      first = await sendLiveNotices(ctx())
    } finally {
      spy.mockRestore()
    }
    expect(first.sent).toBeGreaterThan(0)
    expect(first.sent).toBeLessThan(MOTHERS.length)
    const stopped = (await h.db.collection('lives').doc(liveId).get()).data
    expect(stopped.reminderPending).toBe(true)
    expect(stopped.reminderCursor).toBe(MOTHERS[first.sent - 1])

    const second = await sendLiveNotices(ctx())
    expect(second.sent).toBe(MOTHERS.length - first.sent)
    expect(await sendLiveNotices(ctx())).toEqual({ sent: 0, refused: 0, failed: 0, skipped: 0 })
    for (const openid of [MOTHERS[0], MOTHERS[first.sent - 1], MOTHERS[first.sent], MOTHERS[99], MOTHERS[100], MOTHERS[129]]) {
      expect([openid, (await h.outbox(openid)).length]).toEqual([openid, 1])
    }
    expect(await h.count('liveNotices', { liveId, status: 'sent' })).toBe(MOTHERS.length)
    const done = (await h.db.collection('lives').doc(liveId).get()).data
    expect(done.reminderPending).toBe(false)
    expect(done.reminderCursor).toBeUndefined()
  } finally {
    log.mockRestore()
  }
}, 120_000)

test('a reminder the timer could not send by 15 minutes after the start is dropped', async () => {
  const { id } = await h.ok<{ id: string }>(main, { action: 'create', title: '晚了', host: { name: '王团长' }, scene: 'factory', startAt: '2026-12-02T20:00:00+08:00', requestId: 'req-lt-000002' }, LEADER)
  await h.db.collection('liveReminders').add({ data: { _id: reminderSignupId(id, MOTHERS[0]), liveId: id, openid: MOTHERS[0], createdAt: new Date() } })
  h.setNow('2026-12-02T20:16:00+08:00')
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    expect(await sendLiveNotices(ctx())).toMatchObject({ sent: 0, skipped: 1 })
  } finally {
    log.mockRestore()
  }
  expect(await h.count('liveNotices', { liveId: id })).toBe(0)
  expect((await h.db.collection('lives').doc(id).get()).data.reminderPending).toBe(false)
})
