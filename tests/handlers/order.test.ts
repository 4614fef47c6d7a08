// order.ship and order.deliver in process: only live entries of a formed chain ship, each once;
// delivery follows shipping, and a chain whose every live entry is delivered is fulfilled.
import { main as chainMain } from '../../cloudfunctions/chain/index'
import { main } from '../../cloudfunctions/order/index'
import type { LeaderEntryView, MyEntryView } from '../../domain/chain'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-or-leader'
const MOTHERS = ['o-or-1', 'o-or-2', 'o-or-3']
let seq = 0
const rid = () => `req-or-${String(++seq).padStart(6, '0')}`
type Page<T> = { items: T[] }

async function chainWithEntries(close: boolean): Promise<{ id: string; entryIds: string[] }> {
  const { id } = await h.ok<{ id: string }>(chainMain, { action: 'create', title: '发货测试', product: '奶粉', priceFen: 100, quota: 10, perPersonLimit: 3, deadline: '2026-11-30T20:00:00+08:00', requestId: rid() }, LEADER)
  const entryIds: string[] = []
  for (const m of MOTHERS) entryIds.push((await h.ok<{ entryId: string }>(chainMain, { action: 'join', chainId: id, qty: 1, requestId: rid() }, m)).entryId)
  if (close) await h.ok(chainMain, { action: 'close', chainId: id }, LEADER)
  return { id, entryIds }
}
const mine = async (who: string, chainId: string) => (await h.ok<Page<MyEntryView>>(chainMain, { action: 'mine' }, who)).items.find((e) => e.chainId === chainId)

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'] })
  for (const m of MOTHERS) await h.seedMember({ openid: m })
})
afterAll(async () => {
  await h.close()
})

test('only live entries of a formed chain ship, each once; a removed entry never ships', async () => {
  const open = await chainWithEntries(false)
  expect(await h.ok(main, { action: 'ship', entryIds: open.entryIds }, LEADER)).toEqual({ shipped: 0 })
  const { id, entryIds } = await chainWithEntries(true)
  await h.ok(chainMain, { action: 'removeEntry', entryId: entryIds[2] }, LEADER)
  expect(await h.ok(main, { action: 'ship', entryIds: [...entryIds, 'no-such-entry'], courier: '顺丰', trackingNo: 'SF1234567' }, LEADER)).toEqual({ shipped: 2 })
  expect(await h.ok(main, { action: 'ship', entryIds }, LEADER)).toEqual({ shipped: 0 })
  expect(await mine(MOTHERS[0], id)).toMatchObject({ status: 'shipped', statusLabel: '已发货', courier: '顺丰', trackingNo: 'SF1234567', actions: [] })
  const entries = await h.ok<Page<LeaderEntryView>>(chainMain, { action: 'entries', chainId: id }, LEADER)
  expect(entries.items.map((e) => e.actions)).toEqual([['deliver'], ['deliver']])
  expect(await h.call(chainMain, { action: 'removeEntry', entryId: entryIds[0] }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
})

test('delivery follows shipping, once; every live entry delivered fulfils the chain', async () => {
  const { id, entryIds } = await chainWithEntries(true)
  expect(await h.ok(main, { action: 'deliver', entryIds }, LEADER)).toEqual({ delivered: 0 })
  await h.ok(main, { action: 'ship', entryIds: entryIds.slice(0, 2) }, LEADER)
  expect(await h.ok(main, { action: 'deliver', entryIds }, LEADER)).toEqual({ delivered: 2 })
  expect((await h.db.collection('chains').doc(id).get()).data.status).toBe('formed')
  await h.ok(main, { action: 'ship', entryIds: [entryIds[2]] }, LEADER)
  expect(await h.ok(main, { action: 'deliver', entryIds: [entryIds[2]] }, LEADER)).toEqual({ delivered: 1 })
  expect(await h.ok(main, { action: 'deliver', entryIds }, LEADER)).toEqual({ delivered: 0 })
  expect((await h.db.collection('chains').doc(id).get()).data).toMatchObject({ status: 'fulfilled', fulfilledAt: expect.any(Date) })
  expect(await mine(MOTHERS[1], id)).toMatchObject({ status: 'delivered', statusLabel: '已签收', actions: ['afterSales'] })
})

test('leaders only; bad input is BAD_INPUT', async () => {
  expect(await h.call(main, { action: 'ship', entryIds: ['x'] }, MOTHERS[0])).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  expect(await h.call(main, { action: 'deliver', entryIds: ['x'] }, 'o-or-visitor')).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
  for (const bad of [{ entryIds: [] }, { entryIds: ['x'], trackingNo: '单号' }, { entryIds: 'x' }]) {
    expect(await h.call(main, { action: 'ship', ...bad }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  }
})
