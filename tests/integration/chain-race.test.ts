// A rush through localcloud: the built `chain` function in its workers, the client gateway, the real
// wx-server-sdk. Hundreds of joins at once (resends and raises among them) for a small quota, then
// cancellations sent twice at once and the freed cans sold again, then a forced overlap for the last
// can. Every answer is checked against the chain's ledger and the entries.
import type { Envelope } from '../../domain/envelope'
import type { ChainDetailView } from '../../domain/chain'
import { useCloud } from './support'

const LEADER = 'o-race-leader'
const MOTHERS = Array.from({ length: 200 }, (_, i) => `o-race-${String(i).padStart(3, '0')}`)
const LATE = Array.from({ length: 20 }, (_, i) => `o-race-late-${String(i).padStart(2, '0')}`)
const QUOTA = 60
const LIMIT = 2
const GIFTS = 5

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-20T10:00:00+08:00')
  await cloud.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await cloud.db.collection('members').add({
    data: [...MOTHERS, ...LATE].map((openid, i) => ({ _id: openid, status: 'member', roles: [], tags: [], nickname: `${'王李张赵周'[i % 5]}妈妈${i}`, appliedAt: new Date() })),
  })
})

type Join = { entryId: string; seq: number; qty: number; gift?: string }
type Ledger = { sold: number; remaining: number; buyers: number; held: Record<string, number>; order: { k: string; n: string }[]; counted: string[] }
interface Sent {
  who: string
  requestId: string
  qty: number
  answer: Envelope<Join>
}

const ledger = async (id: string) => (await cloud.db.collection('chains').doc(id).get()).data as Ledger
const entryDocs = async (id: string) => (await cloud.db.collection('chainEntries').where({ chainId: id }).limit(1000).get()).data as { _id: string; openid: string }[]

/** sold = Σ held ≤ quota, each within the limit, one line and one entry document per buyer. */
async function expectWhole(id: string) {
  const c = await ledger(id)
  const held = Object.entries(c.held)
  expect(held.reduce((s, [, q]) => s + q, 0)).toBe(c.sold)
  expect(c.sold).toBeLessThanOrEqual(QUOTA)
  expect(c.remaining).toBe(QUOTA - c.sold)
  for (const [, q] of held) expect(q).toBeLessThanOrEqual(LIMIT)
  expect(c.order.map((o) => o.k).sort()).toEqual(held.map(([k]) => k).sort())
  expect(new Set(c.order.map((o) => o.k)).size).toBe(c.order.length)
  expect(c.buyers).toBe(c.order.length)
  const docs = await entryDocs(id)
  expect(new Set(docs.map((d) => d.openid)).size).toBe(docs.length)
  for (const [k] of held) expect(docs.map((d) => d._id)).toContain(k)
  return c
}

let chainId = ''
const sent: Sent[] = []
const join = async (who: string, qty: number, requestId: string): Promise<Sent> => {
  const s = { who, requestId, qty, answer: await cloud.call<Join>('chain', { action: 'join', chainId, qty, requestId }, who) }
  sent.push(s)
  return s
}
const codeOf = (e: Envelope<unknown>) => (e.ok ? 'OK' : e.error.code)

test('200 mothers at once for 60 cans, with resends and raises among them: never oversold, every answer true', async () => {
  chainId = (await cloud.ok<{ id: string }>('chain', {
    action: 'create', title: '会员专享 60 罐', product: 'A2 奶粉 1 段', priceFen: 19800, quota: QUOTA, perPersonLimit: LIMIT, deadline: '2026-11-21T20:00:00+08:00',
    firstNGift: { n: GIFTS, gift: '试用装' }, requestId: 'req-race-create-1',
  }, LEADER)).id

  // each mother one join of 1 or 2 cans; every 5th sends the same request twice at once (a network
  // resend), every 7th a second join (a raise) at the same moment
  const calls: Promise<Sent>[] = []
  MOTHERS.forEach((who, i) => {
    const qty = 1 + (i % 2)
    const requestId = `req-race-${who}`
    calls.push(join(who, qty, requestId))
    if (i % 5 === 0) calls.push(join(who, qty, requestId))
    if (i % 7 === 0) calls.push(join(who, 1, `req-race-${who}-more`))
  })
  await Promise.all(calls)
  expect(sent.length).toBeGreaterThan(200)

  // every answer is a join or a precise refusal: never INTERNAL, never a mother-facing error page
  const codes = new Set(sent.map((s) => codeOf(s.answer)))
  for (const code of codes) expect(['OK', 'SOLD_OUT', 'LIMIT_EXCEEDED']).toContain(code)
  const c = await expectWhole(chainId)
  expect(c.sold).toBe(QUOTA) // 200 mothers want far more than 60: it sells out

  // what the answers bought is what was sold: each distinct request that succeeded adds its quantity once
  const okRequests = new Map<string, Sent>()
  for (const s of sent) if (s.answer.ok) okRequests.set(`${s.who}/${s.requestId}`, s)
  expect([...okRequests.values()].reduce((sum, s) => sum + s.qty, 0)).toBe(c.sold)
  // a resend answered what the first attempt answered: the entry, its place, the gift; the quantity
  // is what she holds when it is answered, so it differs only where her raise landed in between
  for (const [key, s] of okRequests) {
    const twins = sent.filter((t) => `${t.who}/${t.requestId}` === key)
    const raised = sent.some((t) => t.who === s.who && t.requestId !== s.requestId && t.answer.ok)
    for (const t of twins) {
      const [a, b] = [(t.answer as { data: Join }).data, (s.answer as { data: Join }).data]
      expect(t.answer.ok).toBe(true)
      expect({ ...a, qty: 0 }).toEqual({ ...b, qty: 0 })
      if (!raised) expect(a.qty).toBe(b.qty)
    }
  }
  // one entry per mother; places 1..buyers, each once; answers agree with the ledger
  const firstAnswers = new Map<string, Join>()
  for (const s of okRequests.values()) {
    const a = (s.answer as { data: Join }).data
    expect(a.qty).toBeLessThanOrEqual(LIMIT)
    const before = firstAnswers.get(s.who)
    if (before) expect([a.entryId, a.seq]).toEqual([before.entryId, before.seq])
    else firstAnswers.set(s.who, a)
  }
  const seqs = [...firstAnswers.values()].map((a) => a.seq).sort((x, y) => x - y)
  expect(seqs).toEqual(Array.from({ length: c.buyers }, (_, i) => i + 1))
  for (const a of firstAnswers.values()) expect(c.order[a.seq - 1].k).toBe(a.entryId)
  // exactly min(n, buyers) gifts, to the first n by place
  const gifted = [...firstAnswers.values()].filter((a) => a.gift === '试用装')
  expect(gifted.map((a) => a.seq).sort((x, y) => x - y)).toEqual(Array.from({ length: Math.min(GIFTS, c.buyers) }, (_, i) => i + 1))
  // a refused mother wrote nothing
  const refused = MOTHERS.filter((who) => !firstAnswers.has(who))
  const docs = await entryDocs(chainId)
  for (const who of refused) expect(docs.some((d) => d.openid === who)).toBe(false)
  expect(docs).toHaveLength(c.buyers)
}, 120_000)

test('cancels sent twice at once give back exactly once; the freed cans and gift places go to the next', async () => {
  const before = await ledger(chainId)
  const whoHolds = (k: string) => sent.find((s) => s.answer.ok && s.answer.data.entryId === k)!.who
  const entryIdOf = (who: string) => sent.flatMap((s) => (s.who === who && s.answer.ok ? [s.answer.data.entryId] : []))[0]
  // the first in line (a gift holder), one in the middle, the last
  const leaving = [before.order[0].k, before.order[7].k, before.order[before.order.length - 1].k].map(whoHolds)
  const answers = await Promise.all(leaving.flatMap((who) => [0, 1].map(() => cloud.call<{ released: number }>('chain', { action: 'cancel', chainId }, who))))
  for (const a of answers) expect(a.ok).toBe(true)
  const released = answers.reduce((sum, a) => sum + (a.ok ? a.data.released : 0), 0)
  expect(released).toBe(leaving.reduce((sum, who) => sum + before.held[entryIdOf(who)], 0))
  let c = await expectWhole(chainId)
  expect(c.sold).toBe(QUOTA - released)
  expect(c.buyers).toBe(before.buyers - 3)
  // the gift places moved up: the first n of the line now
  const view = await cloud.ok<ChainDetailView>('chain', { action: 'get', id: chainId, pageSize: 10 }, LEADER)
  expect(view.entries.filter((e) => e.gift).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5])

  // the freed cans are sold again, never more
  const late = await Promise.all(LATE.map((who) => cloud.call<Join>('chain', { action: 'join', chainId, qty: 1, requestId: `req-race-${who}` }, who)))
  expect(late.filter((a) => a.ok)).toHaveLength(released)
  for (const a of late) expect(['OK', 'SOLD_OUT']).toContain(codeOf(a))
  c = await expectWhole(chainId)
  expect(c.sold).toBe(QUOTA)
}, 120_000)

test('a forced overlap for the last can: three updates reach the database together, one wins', async () => {
  const id = (await cloud.ok<{ id: string }>('chain', {
    action: 'create', title: '最后一罐', product: '奶粉', priceFen: 100, quota: 2, perPersonLimit: 1, deadline: '2026-11-21T20:00:00+08:00', requestId: 'req-race-create-2',
  }, LEADER)).id
  await cloud.ok('chain', { action: 'join', chainId: id, qty: 1, requestId: 'req-race-last-0' }, MOTHERS[0])
  const held = cloud.barrier({ collection: 'chains', action: 'update', count: 3 })
  const answers = await Promise.all([1, 2, 3].map((i) => cloud.call<Join>('chain', { action: 'join', chainId: id, qty: 1, requestId: `req-race-last-${i}` }, MOTHERS[i])))
  await held
  expect(answers.map(codeOf).sort()).toEqual(['OK', 'SOLD_OUT', 'SOLD_OUT'])
  expect(answers.find((a) => a.ok)).toMatchObject({ data: { seq: 2 } })
  const view = await cloud.ok<ChainDetailView>('chain', { action: 'get', id }, MOTHERS[9])
  expect(view).toMatchObject({ sold: 2, remaining: 0, phase: 'soldOut', phaseLabel: '已抢完' })
}, 60_000)
