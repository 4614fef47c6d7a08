import { AppError } from '../../domain/errors'
import {
  assertAskable, canSeeLive, CURATE_FROM, curationRefusal, ON_AIR_MS, phaseOf, reminderAtFor, toLiveQuestionView, toLiveView, type LiveRecord,
} from '../../domain/live'
import { liveAnnounceMessage, liveReminderMessage } from '../../domain/notifications'

const start = new Date('2026-12-01T12:00:00Z')
const live: LiveRecord = {
  _id: 'l1', title: '牧场直播', host: { name: '王团长' }, scene: 'ranch', startAt: start, products: [{ name: 'A2', chainId: 'c1' }], evidence: [],
  targetTags: ['0-6月'], targeted: true, status: 'scheduled', announcePending: true, reminderAt: reminderAtFor(start), reminderPending: true,
  createdBy: 'o-l', createdAt: new Date('2026-11-01T00:00:00Z'),
}
const at = (ms: number) => new Date(start.getTime() + ms)

test('the reminder is due ten minutes before the start', () => {
  expect(reminderAtFor(start).toISOString()).toBe('2026-12-01T11:50:00.000Z')
})

test('phases: upcoming until the start, on air for three hours unless finished, then ended', () => {
  expect(phaseOf(live, at(-1))).toBe('upcoming')
  expect(phaseOf(live, at(0))).toBe('onAir')
  expect(phaseOf(live, at(ON_AIR_MS - 1))).toBe('onAir')
  expect(phaseOf(live, at(ON_AIR_MS))).toBe('ended')
  expect(phaseOf({ ...live, status: 'finished' }, at(-1))).toBe('finished')
  expect(phaseOf({ ...live, status: 'cancelled' }, at(-1))).toBe('cancelled')
})

test('questions are taken before and during the live only', () => {
  expect(() => assertAskable(live, at(-1))).not.toThrow()
  expect(() => assertAskable(live, at(60_000))).not.toThrow()
  for (const [l, t] of [[live, at(ON_AIR_MS)], [{ ...live, status: 'finished' as const }, at(-1)], [{ ...live, status: 'cancelled' as const }, at(-1)]] as const) {
    expect(() => assertAskable(l, t)).toThrow(expect.objectContaining({ code: 'CONFLICT' }))
  }
})

test('targeting: staff see all, a mother an untargeted live or one for her tags', () => {
  expect(canSeeLive(live, { roles: [], tags: ['0-6月'] })).toBe(true)
  expect(canSeeLive(live, { roles: [], tags: ['1-3岁'] })).toBe(false)
  expect(canSeeLive(live, { roles: ['leader'], tags: [] })).toBe(true)
  expect(canSeeLive({ targetTags: [] }, { roles: [], tags: [] })).toBe(true)
})

test('curation: an answer is final; hidden and picked swap; refusals say why', () => {
  expect(CURATE_FROM.answered).not.toContain('answered')
  expect(CURATE_FROM.hidden).not.toContain('answered')
  expect(CURATE_FROM.picked).toEqual(['new', 'hidden'])
  expect(curationRefusal('answered', 'hidden')).toEqual(new AppError('CONFLICT', '这个问题已经回答过了'))
  expect(curationRefusal('hidden', 'hidden').message).toBe('这个问题已经隐藏了')
  expect(curationRefusal('picked', 'picked').message).toBe('这个问题已经选中了')
})

test('views: products answer price and quota as absent; the remind button only before the reminder went out', () => {
  const view = toLiveView(live, at(-60_000))
  expect(view.products).toEqual([{ name: 'A2', chainId: 'c1', priceFen: null, remaining: null }])
  expect(view).toMatchObject({ sceneLabel: '牧场', phase: 'upcoming', remindable: true })
  expect(toLiveView({ ...live, reminderPending: false }, at(-60_000)).remindable).toBe(false)
  expect(toLiveView(live, at(1)).remindable).toBe(false)
  const q = toLiveQuestionView({ _id: 'q', liveId: 'l1', question: '问', askedBy: 'o-a', askerName: '小雨', askedAt: start, state: 'picked' }, 'o-b')
  expect(q).toEqual({ id: 'q', question: '问', askedAt: start.toISOString(), state: 'picked', mine: false })
})

test('messages fit the template limits and show China time', () => {
  const a = liveAnnounceMessage('一个非常非常非常非常非常非常长的直播标题啊啊', start.toISOString(), '王团长', '牧场')
  expect(Array.from(a.thing1.value)).toHaveLength(20)
  expect(a.time2.value).toBe('2026-12-01 20:00')
  expect(liveReminderMessage('牧场直播', start.toISOString(), '王团长').thing3.value).toBe('王团长 马上开播')
})
