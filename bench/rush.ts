// A rush on a chain (接龙): N members race for a quota of 100 and of 1,000 through the client
// gateway, the built `chain` function in its workers, as the app calls it. In the same run the
// same race goes to a naive read-then-write join (a function written by this bench only, never a
// product action: read the chain, check, write the new totals, insert an entry), so the
// difference shows. Prints join calls/s, p50/p99 latency, oversell, duplicates, first-N gifts
// promised, and the database operations per successful join. Asserts nothing.
//   npx tsx bench/rush.ts [--members 5000] [--concurrency 20]
//
// Every member sends one join of one can; every tenth sends the same request a second time at once
// (a network resend), which must not buy twice. `--concurrency` calls are in flight at once (the
// basic plan runs at most 20 instances of one function); localcloud runs 4 workers per function.
//
// Database operations are counted in this process, where localcloud runs: every database call of
// the SDK, from any worker, passes localcloud's per-call race hook (`Barriers.arrive`, the place a
// test barrier would hold it) once, named by action and collection; the bench wraps that hook and
// counts. "Per successful join" comes from a calibration of sequential joins (every one succeeds)
// beside the race's total per call.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../scripts/build-functions'
import { Barriers } from '../localcloud/database/barrier'
import { functionsService } from '../localcloud/functions'
import { gatewayService } from '../localcloud/gateway'
import { loadManifest } from '../localcloud/manifest'
import { openapiService } from '../localcloud/openapi'
import { startLocalCloud, type LocalCloud } from '../localcloud/server'
import type { Store } from '../localcloud/store'

function flag(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`)
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback
  if (!Number.isInteger(v) || v < 1) throw new Error(`--${name} takes a positive integer`)
  return v
}

const MEMBERS = flag('members', 1000)
const CONCURRENCY = flag('concurrency', 20)
const QUOTAS = [100, 1000]
const GIFT_N = 10
const LEADER = 'o-rush-leader'
const member = (i: number) => `o-rush-${String(i).padStart(5, '0')}`
const SURNAMES = '王李张刘陈杨黄赵周吴'

// ---------------------------------------------------------------- counting database operations

const ops = new Map<string, number>()
const originalArrive = Barriers.prototype.arrive
Barriers.prototype.arrive = function countingArrive(this: Barriers, action: string, collection: unknown) {
  const key = `${action.replace('database.', '')} ${String(collection)}`
  ops.set(key, (ops.get(key) ?? 0) + 1)
  return originalArrive.call(this, action, collection)
}
const totalOps = () => [...ops.values()].reduce((a, b) => a + b, 0)
function opsSince(before: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>()
  for (const [k, v] of ops) if (v - (before.get(k) ?? 0) > 0) out.set(k, v - (before.get(k) ?? 0))
  return out
}

// ---------------------------------------------------------------- the naive join (this bench only)

/**
 * Read the chain, check quota and limit in the function, write the totals it computed, insert an
 * entry: what a first attempt at a join looks like. No request id, no condition on the write.
 */
const NAIVE_JOIN = `// Written by bench/rush.ts: the naive read-then-write join, for comparison only.
const cloud = require('wx-server-sdk')
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
const fail = (code, message) => ({ ok: false, error: { code, message } })
exports.main = async (event) => {
  const db = cloud.database()
  const openid = cloud.getWXContext().OPENID
  const me = (await db.collection('members').where({ _id: openid }).limit(1).get()).data[0]
  if (!me || me.status !== 'member') return fail('NOT_MEMBER', '请先加入')
  const chain = (await db.collection('chains').where({ _id: event.chainId }).limit(1).get()).data[0]
  if (!chain) return fail('NOT_FOUND', '接龙不存在')
  const now = new Date()
  if (!['draft', 'open'].includes(chain.status) || now >= new Date(chain.deadline) || now < new Date(chain.openAt)) return fail('CHAIN_CLOSED', '接龙已截止')
  const key = 'n' + openid.replace(/[^A-Za-z0-9]/g, '')
  const held = (chain.held || {})[key] || 0
  if (held + event.qty > chain.perPersonLimit) return fail('LIMIT_EXCEEDED', '每人限购')
  if (chain.remaining < event.qty) return fail('SOLD_OUT', '已抢完')
  const seq = chain.buyers + 1
  await db.collection('chains').doc(chain._id).update({ data: {
    sold: chain.sold + event.qty, remaining: chain.remaining - event.qty, buyers: seq, ['held.' + key]: held + event.qty,
  } })
  const added = await db.collection('naiveEntries').add({ data: { chainId: chain._id, openid, qty: event.qty, requestId: event.requestId, seq, joinedAt: now } })
  const gift = chain.firstNGift && seq <= chain.firstNGift.n ? { gift: chain.firstNGift.gift } : {}
  return { ok: true, data: { entryId: added._id, seq, qty: event.qty, ...gift } }
}
`

// ---------------------------------------------------------------- calls

type Answer = { ok: true; data: { entryId: string; seq: number; qty: number; gift?: string } } | { ok: false; error: { code: string; message: string } }

let networkResends = 0

/** Like the app (src/services/request-id.ts submitOnce): a call whose answer was lost is resent, same requestId. */
async function invoke(cloud: LocalCloud, fn: string, openid: string, data: Record<string, unknown>): Promise<Answer> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await invokeOnce(cloud, fn, openid, data)
    } catch (err) {
      if (attempt >= 2) return { ok: false, error: { code: 'NETWORK', message: String((err as Error).message) } }
      networkResends++
    }
  }
}

async function invokeOnce(cloud: LocalCloud, fn: string, openid: string, data: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${cloud.url}/api/functions/${fn}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-wx-openid': openid }, body: JSON.stringify(data) })
  const text = await res.text()
  try {
    const body = JSON.parse(text) as Answer
    if (typeof body.ok === 'boolean') return body
  } catch {
    // fall through: not the envelope
  }
  return { ok: false, error: { code: `HTTP_${res.status}`, message: text.slice(0, 200) } }
}

async function createChain(cloud: LocalCloud, quota: number, label: string): Promise<string> {
  const res = await invoke(cloud, 'chain', LEADER, {
    action: 'create', title: `抢购 ${label}`, product: 'A2 奶粉 1 段 900g', priceFen: 19800, originalPriceFen: 25800, quota, perPersonLimit: 2,
    deadline: new Date(Date.now() + 86_400_000).toISOString(), firstNGift: { n: GIFT_N, gift: '试用装' }, requestId: `rush-create-${label}`,
  })
  if (!res.ok) throw new Error(`create: ${JSON.stringify(res.error)}`)
  return (res.data as unknown as { id: string }).id
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN

interface Race {
  calls: number
  seconds: number
  p50: number
  p99: number
  codes: Map<string, number>
  /** cans the successful answers promised */
  promised: number
  /** what the chain document says was sold */
  sold: number
  /** the chain's sold = Σ of what it says each buyer holds = the cans the answers promised */
  ledgerWhole: boolean
  oversell: number
  duplicates: number
  gifts: number
  opsPerCall: number
}

/** Runs `jobs` with at most CONCURRENCY in flight. */
async function pool<T>(jobs: (() => Promise<T>)[]): Promise<T[]> {
  const out: T[] = new Array(jobs.length)
  let next = 0
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, jobs.length) }, async () => {
    while (next < jobs.length) {
      const i = next++
      out[i] = await jobs[i]()
    }
  }))
  return out
}

async function race(cloud: LocalCloud, store: Store, fn: 'chain' | 'naivechain', chainId: string, quota: number): Promise<Race> {
  type Sent = { who: string; requestId: string; answer: Answer; ms: number }
  const jobs: (() => Promise<Sent>)[] = []
  const send = (who: string, requestId: string) => async (): Promise<Sent> => {
    const t0 = performance.now()
    const answer = await invoke(cloud, fn, who, { action: 'join', chainId, qty: 1, requestId })
    return { who, requestId, answer, ms: performance.now() - t0 }
  }
  for (let i = 0; i < MEMBERS; i++) {
    const requestId = `rush-${fn}-${quota}-${i}`
    jobs.push(send(member(i), requestId))
    // the resend goes in right behind the first attempt, as a retried request would
    if (i % 10 === 0) jobs.push(send(member(i), requestId))
  }
  const opsBefore = totalOps()
  const t0 = performance.now()
  const sent = await pool(jobs)
  const seconds = (performance.now() - t0) / 1000
  const opsPerCall = (totalOps() - opsBefore) / sent.length
  const latencies = sent.map((s) => s.ms).sort((a, b) => a - b)
  const codes = new Map<string, number>()
  for (const s of sent) {
    const code = s.answer.ok ? 'OK' : s.answer.error.code
    codes.set(code, (codes.get(code) ?? 0) + 1)
  }
  // what the answers promised: each distinct entry in a successful answer is a can a mother now
  // believes is hers (one can per join here); a resend that bought again shows as a second entry
  const entries = new Set<string>()
  const requests = new Set<string>()
  const gifted = new Set<string>()
  for (const s of sent) {
    if (!s.answer.ok) continue
    entries.add(s.answer.data.entryId)
    requests.add(`${s.who}/${s.requestId}`)
    if (s.answer.data.gift) gifted.add(s.answer.data.entryId)
  }
  const doc = store.find('chains', { _id: chainId }, { limit: 1 })[0] as { sold: number; held?: Record<string, number> } | undefined
  const heldSum = Object.values(doc?.held ?? {}).reduce((a, b) => a + b, 0)
  return {
    ledgerWhole: doc !== undefined && heldSum === doc.sold && doc.sold === entries.size,
    calls: sent.length, seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99), codes,
    promised: entries.size,
    sold: doc?.sold ?? 0,
    oversell: Math.max(0, entries.size - quota),
    duplicates: entries.size - requests.size,
    gifts: gifted.size,
    opsPerCall,
  }
}

async function calibrate(cloud: LocalCloud, fn: 'chain' | 'naivechain', label: string, n = 50): Promise<{ perJoin: number; breakdown: string; refused: number; resent: number; p50: number }> {
  const chainId = await createChain(cloud, 1000, `calibrate-${label}`)
  await invoke(cloud, fn, member(MEMBERS + 1), { action: 'join', chainId, qty: 1, requestId: `calibrate-${label}-warm` })
  const before = new Map(ops)
  const latencies: number[] = []
  for (let i = 0; i < n; i++) {
    const started = performance.now()
    const r = await invoke(cloud, fn, member(i), { action: 'join', chainId, qty: 1, requestId: `calibrate-${label}-${i}` })
    latencies.push(performance.now() - started)
    if (!r.ok) throw new Error(`calibration join ${i}: ${JSON.stringify(r.error)}`)
  }
  latencies.sort((a, b) => a - b)
  const delta = opsSince(before)
  const perJoin = [...delta.values()].reduce((a, b) => a + b, 0) / n
  const breakdown = [...delta.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ${(v / n).toFixed(2)}`).join(', ')
  // a resend of the last join, and a join refused at the limit
  let t = totalOps()
  await invoke(cloud, fn, member(n - 1), { action: 'join', chainId, qty: 1, requestId: `calibrate-${label}-${n - 1}` })
  const resent = totalOps() - t
  t = totalOps()
  await invoke(cloud, fn, member(0), { action: 'join', chainId, qty: 2, requestId: `calibrate-${label}-limit` })
  const refused = totalOps() - t
  return { perJoin, breakdown, refused, resent, p50: percentile(latencies, 50) }
}

const pad = (v: string | number, n: number) => String(v).padStart(n)

async function main(): Promise<void> {
  const t0 = performance.now()
  await buildFunctions()
  const root = path.resolve(__dirname, '..')
  // the functions folder sits inside the project so the workers resolve wx-server-sdk from its node_modules
  fs.mkdirSync(path.join(root, '.tmp'), { recursive: true })
  const functionsDir = fs.mkdtempSync(path.join(root, '.tmp', 'rush-functions-'))
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rush-bench-'))
  let cloud: LocalCloud | undefined
  try {
    fs.cpSync(path.join(root, 'cloudfunctions', 'chain'), path.join(functionsDir, 'chain'), { recursive: true, filter: (src) => !src.endsWith('.ts') })
    fs.mkdirSync(path.join(functionsDir, 'naivechain'))
    fs.writeFileSync(path.join(functionsDir, 'naivechain', 'index.js'), NAIVE_JOIN)
    fs.writeFileSync(path.join(functionsDir, 'naivechain', 'config.json'), JSON.stringify({ timeout: 20 }))
    const manifest = loadManifest()
    manifest.collections.push({ name: 'naiveEntries', indexes: [{ name: 'chainId_1', keys: { chainId: 1 } }] })
    let store: Store | undefined
    cloud = await startLocalCloud({
      port: 0,
      dataDir,
      manifest,
      services: [(ctx) => functionsService(ctx, { functionsDir, timers: false }), (ctx) => openapiService(ctx), (ctx) => gatewayService(ctx)],
      seed: (s) => {
        store = s
        s.atomic(() => {
          s.insert('members', { _id: LEADER, status: 'member', roles: ['leader'], tags: [], nickname: '王团长', appliedAt: new Date() })
          for (let i = 0; i < MEMBERS + 2; i++) {
            s.insert('members', { _id: member(i), status: 'member', roles: [], tags: ['0-6月'], nickname: `${SURNAMES[i % SURNAMES.length]}妈妈${i}`, appliedAt: new Date() })
          }
        })
      },
    })
    if (!store) throw new Error('no store')
    // warm every worker of both functions
    await Promise.all(Array.from({ length: 8 }, (_, i) => invoke(cloud!, i % 2 ? 'naivechain' : 'chain', member(MEMBERS + 1), i % 2 ? { action: 'join', chainId: 'warm-up' } : { action: 'mine' })))

    console.log(`${MEMBERS} members, each one join of 1 can (every tenth resends it at once), ${CONCURRENCY} calls in flight, first ${GIFT_N} buyers get a gift`)
    const head = `${'join'.padEnd(8)}${'quota'.padStart(6)}${'calls'.padStart(7)}${'calls/s'.padStart(9)}${'p50 ms'.padStart(8)}${'p99 ms'.padStart(8)}${'promised'.padStart(9)}${'sold'.padStart(6)}${'oversell'.padStart(9)}${'dups'.padStart(6)}${'gifts'.padStart(7)}${'ops/call'.padStart(9)}${'whole'.padStart(6)}  answers`
    console.log(head)
    console.log('-'.repeat(head.length + 20))
    for (const quota of QUOTAS) {
      for (const fn of ['chain', 'naivechain'] as const) {
        const chainId = await createChain(cloud, quota, `${fn}-${quota}`)
        const r = await race(cloud, store, fn, chainId, quota)
        const answers = [...r.codes.entries()].map(([k, v]) => `${k} ${v}`).join(', ')
        console.log(
          `${(fn === 'chain' ? 'ours' : 'naive').padEnd(8)}${pad(quota, 6)}${pad(r.calls, 7)}${pad(Math.round(r.calls / r.seconds), 9)}${pad(r.p50.toFixed(1), 8)}${pad(r.p99.toFixed(1), 8)}` +
          `${pad(r.promised, 9)}${pad(r.sold, 6)}${pad(r.oversell, 9)}${pad(r.duplicates, 6)}${pad(r.gifts, 7)}${pad(r.opsPerCall.toFixed(2), 9)}${pad(r.ledgerWhole ? 'yes' : 'no', 6)}  ${answers}`,
        )
      }
    }

    console.log('\ndatabase operations per successful join (50 sequential joins, every one succeeds; p50 of one join alone)')
    for (const fn of ['chain', 'naivechain'] as const) {
      const c = await calibrate(cloud, fn, fn)
      console.log(`  ${(fn === 'chain' ? 'ours' : 'naive').padEnd(6)} ${c.perJoin.toFixed(2)} (${c.breakdown}); ${c.p50.toFixed(1)} ms; a resend ${c.resent}, a join refused at the limit ${c.refused}`)
    }
  } finally {
    await cloud?.close()
    fs.rmSync(functionsDir, { recursive: true, force: true })
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  if (networkResends) console.log(`\n${networkResends} calls lost their answer in transit and were resent with the same requestId, as the app does`)
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
