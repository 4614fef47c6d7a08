import { refreshTags } from '../../cloudfunctions/member/daily-tags'
import { startHarness, type Harness } from './harness'

let h: Harness

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
})
afterAll(async () => {
  await h.close()
})

// exactly one full page of 100: the walk's last read comes back empty and must end there
test('the daily tag walk ends cleanly after a last page that was exactly full', async () => {
  const ctx = { db: h.db, now: () => new Date(), cloud: {} as never }
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    expect(await refreshTags(ctx)).toEqual({ scanned: 0, changed: 0 })
    const members = Array.from({ length: 100 }, (_, i) => ({
      _id: `o-f-${String(i).padStart(3, '0')}`, status: 'member', roles: [], babyBirthDate: '2026-05-28', tags: [], autoTags: [], manualTags: [],
    }))
    await h.db.collection('members').add({ data: members })
    expect(await refreshTags(ctx)).toEqual({ scanned: 100, changed: 100 })
  } finally {
    log.mockRestore()
  }
})
