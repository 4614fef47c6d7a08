// Timer triggers from config.json fire on the localcloud clock, as real time passes and when the
// clock is moved. The `ticker` fixture records every firing in the database.
import { functionsService, getFunctionsRuntime } from '../../localcloud/functions'
import { FIXTURES, type Harness, loadSdk, postJson, startHarness, waitFor, type WxCloud } from './fixtures/harness'

jest.setTimeout(20000)

let running: Harness
let cloud: WxCloud

beforeAll(async () => {
  running = await startHarness(
    [(ctx) => functionsService(ctx, { functionsDir: FIXTURES, forwardLogs: false })],
    { collections: [{ name: 'ticks', indexes: [] }] },
  )
  cloud = loadSdk(running.baseUrl)
})

afterAll(async () => {
  await running?.stop()
})

const ticks = async () => (await cloud.database().collection('ticks').orderBy('seenAt', 'asc').get()).data
const setClock = (chinaIso: string) => postJson(`${running.baseUrl}/_localcloud/clock`, { set: `${chinaIso}+08:00` })

test('the trigger is listed with its next slot', () => {
  const timers = getFunctionsRuntime(running.ctx)!.timers()
  expect(timers).toEqual(expect.arrayContaining([expect.objectContaining({ fn: 'ticker', name: 'everyDayAt9', cron: '0 0 9 * * * *' })]))
})

test('fires on schedule as time passes, with the real event shape and no OPENID', async () => {
  await setClock('2025-03-01T08:59:59.300')
  const [tick] = await waitFor(async () => {
    const list = await ticks()
    return list.length ? list : null
  }, 4000)
  expect(tick.event).toEqual({ Type: 'Timer', TriggerName: 'everyDayAt9', Time: '2025-03-01T01:00:00Z', Message: '' })
  expect(tick.ctx).toEqual({ ENV: 'local-env' })
  // the function saw the moved clock
  expect(new Date(tick.seenAt).getTime()).toBeGreaterThanOrEqual(Date.parse('2025-03-01T01:00:00Z'))
})

test('moving the clock past several slots fires once, for the earliest missed slot', async () => {
  const before = (await ticks()).length
  await postJson(`${running.baseUrl}/_localcloud/clock`, { advanceMs: 3 * 24 * 3600_000 })
  await getFunctionsRuntime(running.ctx)!.timersIdle()
  const after = await ticks()
  expect(after.length).toBe(before + 1)
  expect(after[after.length - 1].event.Time).toBe('2025-03-02T01:00:00Z')
  // nothing more is due until the next 09:00
  await getFunctionsRuntime(running.ctx)!.timersIdle()
  expect((await ticks()).length).toBe(before + 1)
})

test('moving the clock backwards re-plans from the new time', async () => {
  await setClock('2025-02-01T08:00:00')
  const timer = getFunctionsRuntime(running.ctx)!.timers().find((t) => t.fn === 'ticker')!
  // `timers()` reports the next slot after the last check, which the clock change triggered
  expect(timer.next).toBe('2025-02-01T01:00:00.000Z')
})
