// The chain timer in process: drafts open at their time, chains close at their deadline and form or
// fail, and a join whose function died between the chain's update and the entry's insert is finished
// by its resend, or given back at the close when it was never resent.
import { actions, main } from '../../cloudfunctions/chain/index'
import type { ChainDetailView, MyEntryView } from '../../domain/chain'
import { chainSchemas } from '../../domain/schemas/chain'
import type { ActionContext } from '../../server/router'
import { crashOnFirstWrite, SIMULATED_CRASH } from '../integration/in-process'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-ct-leader'
const MOTHERS = ['o-ct-1', 'o-ct-2', 'o-ct-3']
let seq = 0
const rid = () => `req-ct-${String(++seq).padStart(6, '0')}`
const stored = async (id: string) => (await h.db.collection('chains').doc(id).get()).data

const timer = async () => {
  const log = jest.spyOn(console, 'log').mockImplementation(() => undefined)
  try {
    return await h.timer(main, 'chainClock')
  } finally {
    log.mockRestore()
  }
}
const create = async (extra: Record<string, unknown>) =>
  (await h.ok<{ id: string }>(main, { action: 'create', title: '定时接龙', product: '奶粉', priceFen: 100, quota: 10, perPersonLimit: 5, requestId: rid(), ...extra }, LEADER)).id
const join = (chainId: string, who: string, qty = 1) => h.ok<{ seq: number }>(main, { action: 'join', chainId, qty, requestId: rid() }, who)

async function contextOf(openid: string, db: unknown): Promise<ActionContext> {
  const member = await h.member(openid)
  return { openid, member, caller: { openid, status: 'member', roles: [] }, db: db as ActionContext['db'], now: () => new Date(), cloud: h.sdk }
}

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'] })
  for (const m of MOTHERS) await h.seedMember({ openid: m })
})
afterAll(async () => {
  await h.close()
})

test('a draft opens at its time (joins do not wait for the timer); at the deadline the group forms', async () => {
  const id = await create({ openAt: '2026-11-28T11:00:00+08:00', deadline: '2026-11-28T12:00:00+08:00', minToForm: 2 })
  await timer()
  expect(await stored(id)).toMatchObject({ status: 'draft' })
  h.setNow('2026-11-28T11:00:00+08:00')
  // the timer has not run yet: the join's own condition names the open time
  expect(await join(id, MOTHERS[0], 2)).toMatchObject({ seq: 1 })
  await timer()
  expect(await stored(id)).toMatchObject({ status: 'open', openedAt: expect.any(Date) })
  h.setNow('2026-11-28T12:00:00+08:00')
  await timer()
  await timer()
  expect(await stored(id)).toMatchObject({ status: 'formed', closedBy: 'deadline', sold: 2 })
  expect((await h.ok<ChainDetailView>(main, { action: 'get', id }, MOTHERS[0])).mine).toMatchObject({ status: 'formed' })
})

test('below the minimum at the deadline the group fails; her order reads cancelled', async () => {
  h.setNow('2026-11-28T10:00:00+08:00')
  const id = await create({ deadline: '2026-11-28T12:00:00+08:00', minToForm: 5 })
  await join(id, MOTHERS[1], 2)
  h.setNow('2026-11-28T12:01:00+08:00')
  await timer()
  expect(await stored(id)).toMatchObject({ status: 'failed', settledAt: expect.any(Date) })
  const mine = await h.ok<{ items: MyEntryView[] }>(main, { action: 'mine' }, MOTHERS[1])
  expect(mine.items.find((e) => e.chainId === id)).toMatchObject({ status: 'cancelled', statusLabel: '已取消' })
})

test('a join that died after selling: the resend finishes it without selling twice', async () => {
  h.setNow('2026-11-28T10:00:00+08:00')
  const id = await create({ deadline: '2026-11-28T12:00:00+08:00' })
  const input = chainSchemas.join.parse({ chainId: id, qty: 2, requestId: 'req-ct-crash-1' })
  await expect(actions.join.handler(input, await contextOf(MOTHERS[0], crashOnFirstWrite(h.db, 'chainEntries')))).rejects.toThrow(SIMULATED_CRASH)
  expect(await stored(id)).toMatchObject({ sold: 2, buyers: 1 })
  expect(await h.count('chainEntries', { chainId: id })).toBe(0)
  const answer = await h.ok(main, { action: 'join', chainId: id, qty: 2, requestId: 'req-ct-crash-1' }, MOTHERS[0])
  expect(answer).toMatchObject({ seq: 1, qty: 2 })
  expect(await stored(id)).toMatchObject({ sold: 2, buyers: 1 })
  expect(await h.count('chainEntries', { chainId: id })).toBe(1)
})

test('a join that died after selling and was never resent is given back at the close, not sold', async () => {
  h.setNow('2026-11-28T10:00:00+08:00')
  const id = await create({ deadline: '2026-11-28T12:00:00+08:00', minToForm: 2, firstNGift: { n: 1, gift: '围兜' } })
  const input = chainSchemas.join.parse({ chainId: id, qty: 3, requestId: 'req-ct-crash-2' })
  await expect(actions.join.handler(input, await contextOf(MOTHERS[1], crashOnFirstWrite(h.db, 'chainEntries')))).rejects.toThrow(SIMULATED_CRASH)
  await join(id, MOTHERS[2], 2)
  expect(await stored(id)).toMatchObject({ sold: 5, buyers: 2 })
  h.setNow('2026-11-28T12:00:00+08:00')
  await timer()
  const doc = await stored(id)
  // the orphan's 3 cans are not sold; the gift passes to the first buyer anyone knows
  expect(doc).toMatchObject({ status: 'formed', sold: 2, remaining: 8, buyers: 1 })
  expect(doc.gifted).toEqual([doc.order[0].k])
  expect(Object.values(doc.held)).toEqual([2])
})

test('a client posing as the timer is an ordinary call, refused', async () => {
  expect(await h.call(main, { Type: 'Timer', TriggerName: 'chainClock' }, MOTHERS[0])).toMatchObject({ ok: false })
})
