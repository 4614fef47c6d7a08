// Trace codes at scale: the import rate of `trace.importCodes` (chunks of 20,000 through the client
// gateway, the built function in its worker) and the latency of `trace.lookup`, on a localcloud
// holding 100,000 codes and one holding 1,000,000. Beside each lookup figure, a direct read of a
// code by `_id` through the real wx-server-sdk in this process (no function) in the same run, so the
// function's own cost shows. Asserts nothing.
//   npx tsx bench/trace.ts [--quick]
//
// The 100k cloud is filled through the function (that is the import measured). The 1M cloud gets
// its first 900,000 codes written straight into the store at startup (through the gateway they take
// several minutes on two busy cores), then one more 100,000-code batch through the function: the
// import rate into a large collection.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../scripts/build-functions'
import { startLocalCloud, type LocalCloud } from '../localcloud/server'
import type { Store } from '../localcloud/store'
import { MAX_CODES_PER_CHUNK } from '../domain/trace'
import { sdkEnv } from '../localcloud/sdk-env'

const QUICK = process.argv.includes('--quick')
const CALLS = QUICK ? 60 : 300
const LEADER = 'o-bench-leader'
const REPORT = 'cloud://local-env.bench/trace/quality.pdf'
const code = (batch: number, i: number) => `NZ${String(batch).padStart(2, '0')}${String(i).padStart(8, '0')}`
const batchNo = (batch: number) => `BENCH-${batch}`

// Deterministic pseudo-random numbers, so both sizes look up the same mix.
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

async function invoke(cloud: LocalCloud, fn: string, openid: string, data: Record<string, unknown>): Promise<unknown> {
  const res = await fetch(`${cloud.url}/api/functions/${fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': openid },
    body: JSON.stringify(data),
  })
  const body = (await res.json()) as { ok?: boolean; data?: unknown; error?: unknown }
  if (!body.ok) throw new Error(`${fn}.${String(data.action)}: ${JSON.stringify(body.error)}`)
  return body.data
}

/** Imports 100,000 codes of `batch` in chunks through the function; answers codes per second. */
async function importBatch(cloud: LocalCloud, batch: number): Promise<{ seconds: number; rate: number }> {
  const n = 100_000
  const t0 = performance.now()
  for (let from = 0; from < n; from += MAX_CODES_PER_CHUNK) {
    const codes = Array.from({ length: Math.min(MAX_CODES_PER_CHUNK, n - from) }, (_, i) => code(batch, from + i))
    const report = (await invoke(cloud, 'trace', LEADER, {
      action: 'importCodes', batchNo: batchNo(batch), product: 'A2 奶粉 1 段 900g', producedAt: '2026-10-01', expiresAt: '2028-09-30',
      customsNo: '310120261000123456', qualityReportFileID: REPORT, codes, requestId: `bench-${batch}-${from}`,
    })) as { imported: number }
    if (report.imported !== codes.length) throw new Error(`chunk at ${from}: imported ${report.imported} of ${codes.length}`)
  }
  const seconds = (performance.now() - t0) / 1000
  return { seconds, rate: n / seconds }
}

/** 900,000 codes in nine batches straight into the store (the function's document shape). */
function seedDirect(store: Store): void {
  for (let batch = 1; batch <= 9; batch++) {
    store.atomic(() => {
      const batchId = `tb-direct-${batch}`
      store.insert('traceBatches', {
        _id: batchId, batchNo: batchNo(batch), product: 'A2 奶粉 1 段 900g', producedAt: '2026-10-01', expiresAt: '2028-09-30',
        customsNo: '310120261000123456', qualityReportFileID: REPORT, codeCount: 100_000, createdBy: LEADER, createdAt: new Date(),
      })
      for (let i = 0; i < 100_000; i++) store.insert('traceCodes', { _id: code(batch, i), batchId, importId: 'direct', queryCount: 0 })
    })
  }
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

interface Figures {
  p50: number
  p99: number
}

async function timed(calls: number, one: (i: number) => Promise<unknown>): Promise<Figures> {
  await one(-1) // warm
  const latencies: number[] = []
  for (let i = 0; i < calls; i++) {
    const t0 = performance.now()
    await one(i)
    latencies.push(performance.now() - t0)
  }
  latencies.sort((a, b) => a - b)
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function sdkFor(cloud: LocalCloud): any {
  Object.assign(process.env, sdkEnv(cloud.url, { openid: 'o-bench', appid: 'wx-bench' }))
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const wx = require('wx-server-sdk')
  wx.init({ env: wx.DYNAMIC_CURRENT_ENV })
  return wx.database()
}

/** Lookups of random codes of the first `batches` batches: first lookups by new people, repeats, unknown codes, and direct reads. */
async function lookups(cloud: LocalCloud, batches: number, label: string): Promise<Record<string, Figures>> {
  const rnd = prng(11)
  const pick = () => code(1 + Math.floor(rnd() * batches), Math.floor(rnd() * 100_000))
  let person = 0
  const db = sdkFor(cloud)
  const repeatCode = pick()
  const out: Record<string, Figures> = {}
  // each call by a new person: her first lookup of the code (counted as a new querier, one transaction)
  out.first = await timed(CALLS, () => invoke(cloud, 'trace', `o-bench-${label}-first-${person++}`, { action: 'lookup', code: pick() }))
  // the same person again (one atomic increment); people rotate under the hourly limit
  out.repeat = await timed(CALLS, (i) => invoke(cloud, 'trace', `o-bench-${label}-repeat-${Math.max(0, i) % 50}`, { action: 'lookup', code: repeatCode }))
  out.unknown = await timed(CALLS, () => invoke(cloud, 'trace', `o-bench-${label}-unknown-${person++}`, { action: 'lookup', code: `FAKE${Math.floor(rnd() * 1e9)}` }))
  out.direct = await timed(CALLS, () => db.collection('traceCodes').doc(pick()).get())
  return out
}

const ms = (v: number): string => v.toFixed(1).padStart(8)

async function main(): Promise<void> {
  const t0 = performance.now()
  await buildFunctions()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'trace-bench-'))
  const clouds: LocalCloud[] = []
  try {
    const leader = (store: Store): void => void store.insert('members', { _id: LEADER, status: 'member', roles: ['leader'], tags: [], nickname: '王团长', appliedAt: new Date() })
    const small = await startLocalCloud({ port: 0, dataDir: path.join(root, '100k'), seed: (store) => leader(store) })
    clouds.push(small)
    let started = performance.now()
    const large = await startLocalCloud({
      port: 0,
      dataDir: path.join(root, '1m'),
      seed: (store) => {
        leader(store)
        seedDirect(store)
      },
    })
    clouds.push(large)
    console.log(`1M cloud: 900,000 codes written straight into the store in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    for (const cloud of clouds) await invoke(cloud, 'trace', 'o-bench-warm', { action: 'lookup', code: 'WARMUP00' })

    console.log('\nimport of 100,000 codes, chunks of 20,000 through the client gateway')
    const into100k = await importBatch(small, 1)
    console.log(`  into an empty collection (→ 100k)   ${into100k.seconds.toFixed(1).padStart(6)} s  ${Math.round(into100k.rate).toLocaleString('en').padStart(8)} codes/s`)
    started = performance.now()
    const into1m = await importBatch(large, 10)
    console.log(`  into 900,000 codes (→ 1M)           ${into1m.seconds.toFixed(1).padStart(6)} s  ${Math.round(into1m.rate).toLocaleString('en').padStart(8)} codes/s`)

    console.log(`\n${CALLS} sequential lookups per row (p50 / p99 in ms)`)
    const head = `${'lookup'.padEnd(44)}${'100k p50'.padStart(9)}${'p99'.padStart(8)}  ${'1M p50'.padStart(8)}${'p99'.padStart(8)}`
    console.log(head)
    console.log('-'.repeat(head.length))
    const a = await lookups(small, 1, 'small')
    const b = await lookups(large, 10, 'large')
    const rows: [string, string][] = [
      ['first', 'trace.lookup, her first lookup of the code'],
      ['repeat', 'trace.lookup, the same person again'],
      ['unknown', 'trace.lookup, an unknown code (warning)'],
      ['direct', 'direct read by _id (wx-server-sdk, no function)'],
    ]
    for (const [key, name] of rows) console.log(`${name.padEnd(44)}${ms(a[key].p50)} ${ms(a[key].p99)}  ${ms(b[key].p50)}${ms(b[key].p99)}`)
  } finally {
    for (const cloud of clouds) await cloud.close()
    fs.rmSync(root, { recursive: true, force: true })
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
