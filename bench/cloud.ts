// localcloud benchmark: the same operations through the real wx-server-sdk (HTTP + EJSON + the
// database service) and directly on the store, in one run, so the ratio shows what the wire layer
// costs; plus indexed-query latency at 1k and 100k documents, and 50 writers contending for one
// document (transactions vs a conditional update). Prints figures; asserts nothing.
// localcloud runs as its own process (the CLI), as in use, so the SDK client and the server do
// not share one CPU thread; the direct store calls run in this process.
//   npx tsx bench/cloud.ts [--quick] [--contended]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { newDocId } from '../localcloud/database'
import type { Manifest } from '../localcloud/manifest'
import { DB_FILE } from '../localcloud/server'
import { Store } from '../localcloud/store'
import type { Database } from '../server/cloud'
import { inTransaction, type RetryOptions, type Transaction } from '../server/transaction'
import { sdkEnv } from '../localcloud/sdk-env'

const QUICK = process.argv.includes('--quick')
/** only the contended-writers lines (no 100k-document setup) */
const CONTENDED_ONLY = process.argv.includes('--contended')
const BASE_DOCS = 10_000
const SEQUENTIAL = QUICK ? 300 : 2000
const CONCURRENT = QUICK ? 600 : 4000
const CONCURRENCY = 16
const SIZES = [1_000, 100_000]
const WRITERS = 50
const CONTENDED_ROUNDS = QUICK ? 2 : 5

const manifest: Manifest = {
  collections: [
    { name: 'bench', indexes: [{ name: 'code_1', keys: { code: 1 } }] },
    ...SIZES.map(n => ({ name: `size${n}`, indexes: [{ name: 'code_1', keys: { code: 1 } as Record<string, 1 | -1> }] })),
  ],
}

function fill(store: Store): void {
  for (const spec of manifest.collections) store.ensureCollection(spec)
  const make = (i: number) => ({ _id: `d${i}`, code: `c${i}`, status: i % 2 ? 'open' : 'closed', n: 0, title: `product ${i}`, priceFen: 100 + i })
  store.atomic(() => {
    for (let i = 0; i < BASE_DOCS; i++) store.insert('bench', make(i))
    if (!CONTENDED_ONLY) for (const n of SIZES) for (let i = 0; i < n; i++) store.insert(`size${n}`, make(i))
  })
}

interface Figures {
  opsPerSec: number
  p50: number
  p99: number
}

const rand = (n: number): number => Math.floor(Math.random() * n)
const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function measure(count: number, concurrency: number, op: (i: number) => unknown): Promise<Figures> {
  const latencies: number[] = []
  let next = 0
  const started = performance.now()
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++
      const t0 = performance.now()
      await op(i)
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker))
  const elapsed = performance.now() - started
  latencies.sort((a, b) => a - b)
  return { opsPerSec: (count / elapsed) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99) }
}

interface Contended extends Figures {
  ok: number
  total: number
  attempts: number
}

/** `rounds` times, `writers` calls at once on one document; every call reports success and attempts. */
async function contend(rounds: number, writers: number, op: () => Promise<{ ok: boolean; attempts: number }>): Promise<Contended> {
  const latencies: number[] = []
  let ok = 0
  let attempts = 0
  let elapsed = 0
  for (let r = 0; r < rounds; r++) {
    const started = performance.now()
    await Promise.all(
      Array.from({ length: writers }, async () => {
        const t0 = performance.now()
        const result = await op()
        latencies.push(performance.now() - t0)
        attempts += result.attempts
        if (result.ok) ok++
      }),
    )
    elapsed += performance.now() - started
  }
  latencies.sort((a, b) => a - b)
  const total = rounds * writers
  return { opsPerSec: (ok / elapsed) * 1000, p50: percentile(latencies, 50), p99: percentile(latencies, 99), ok, total, attempts: attempts / total }
}

const fmtContended = (c: Contended): string => `ok ${String(c.ok).padStart(3)}/${c.total}  ${fmt(c)}  ${c.attempts.toFixed(1).padStart(4)} attempts per call`

const fmt = (f: Figures): string => `${f.opsPerSec.toFixed(0).padStart(7)} ops/s  p50 ${f.p50.toFixed(3).padStart(7)} ms  p99 ${f.p99.toFixed(3).padStart(7)} ms`

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'))
  const t0 = performance.now()
  let child: { close(): Promise<void> } | undefined
  let store: Store | undefined
  try {
    const prepared = new Store(path.join(root, 'sdk', DB_FILE))
    fill(prepared)
    prepared.close()
    const manifestFile = path.join(root, 'manifest.json')
    fs.writeFileSync(manifestFile, JSON.stringify(manifest))
    const cloud = (child = await startCli(path.join(root, 'sdk'), manifestFile))
    const direct = (store = new Store(path.join(root, 'direct', DB_FILE)))
    fill(direct)
    console.log(`setup: ${[BASE_DOCS, ...(CONTENDED_ONLY ? [] : SIZES)].join(' + ')} documents twice in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

    Object.assign(process.env, sdkEnv(cloud.url, { openid: 'o-bench', appid: 'wx-bench' }))
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const wx = require('wx-server-sdk')
    wx.init({ env: wx.DYNAMIC_CURRENT_ENV })
    const db = wx.database()
    const _ = db.command
    const coll = db.collection('bench')

    type Op = { name: string; sdk: (i: number) => Promise<unknown>; store: (i: number) => unknown }
    const ops: Op[] = [
      { name: 'get by id', sdk: () => coll.doc(`d${rand(BASE_DOCS)}`).get(), store: () => direct.get('bench', `d${rand(BASE_DOCS)}`) },
      {
        name: 'indexed where',
        sdk: () => coll.where({ code: `c${rand(BASE_DOCS)}` }).get(),
        store: () => direct.find('bench', { code: `c${rand(BASE_DOCS)}` }, { limit: 100 }),
      },
      {
        name: 'update inc',
        sdk: () => coll.doc(`d${rand(BASE_DOCS)}`).update({ data: { n: _.inc(1) } }),
        store: () => direct.update('bench', { _id: `d${rand(BASE_DOCS)}` }, { $inc: { n: 1 } }, { multi: false }),
      },
      {
        name: 'add',
        sdk: i => coll.add({ data: { code: `new${i}`, status: 'open', n: 0, title: 'added', priceFen: 1 } }),
        store: i => direct.insert('bench', { _id: newDocId(), code: `new${i}`, status: 'open', n: 0, title: 'added', priceFen: 1 }),
      },
    ]

    await measure(200, 4, () => coll.doc('d1').get()) // warm up the SDK and the server
    await contended(db)
    if (CONTENDED_ONLY) return
    console.log(`\nthrough wx-server-sdk (sequential ${SEQUENTIAL} ops for latency, ${CONCURRENCY} in flight for throughput) vs store (direct calls):`)
    for (const op of ops) {
      const seq = await measure(SEQUENTIAL, 1, op.sdk)
      const par = await measure(CONCURRENT, CONCURRENCY, op.sdk)
      const store = await measure(SEQUENTIAL, 1, op.store)
      console.log(`  ${op.name.padEnd(14)} sdk       ${fmt(seq)}`)
      console.log(`  ${''.padEnd(14)} sdk x${CONCURRENCY}   ${fmt(par)}`)
      console.log(`  ${''.padEnd(14)} store     ${fmt(store)}`)
      console.log(`  ${''.padEnd(14)} ratio sdk/store: p50 latency ${(seq.p50 / store.p50).toFixed(1)}x, throughput ${(store.opsPerSec / par.opsPerSec).toFixed(1)}x lower`)
    }

    console.log('\nindexed where({ code }) by collection size (sequential):')
    for (const n of SIZES) {
      const c = db.collection(`size${n}`)
      const sdk = await measure(SEQUENTIAL / 2, 1, () => c.where({ code: `c${rand(n)}` }).get())
      const store = await measure(SEQUENTIAL / 2, 1, () => direct.find(`size${n}`, { code: `c${rand(n)}` }, { limit: 100 }))
      console.log(`  ${String(n).padStart(7)} docs  sdk   ${fmt(sdk)}`)
      console.log(`  ${''.padStart(7)}       store ${fmt(store)}`)
    }
    const plan = direct.explain('size100000', { code: 'c1' }).join(' | ')
    console.log(`  query plan at 100k: ${plan}`)

    const scan = await measure(3, 1, () => direct.find('size100000', { title: 'product 99999' }))
    console.log(`  (for contrast, an unindexed where() over 100k on the store: p50 ${scan.p50.toFixed(0)} ms)`)

  } finally {
    // also on failure, so the localcloud child never outlives the bench
    store?.close()
    await child?.close()
    fs.rmSync(root, { recursive: true, force: true })
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`)
}

/** 50 writers on one document: read + update in a transaction (server/transaction.ts) vs one
 * conditional update, the two candidate hot paths of a group-buy chain. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function contended(db: any): Promise<void> {
  const _ = db.command
  const coll = db.collection('bench')
  console.log(`\n${WRITERS} concurrent writers on one document, ${CONTENDED_ROUNDS} rounds (ok = calls that landed; latency of every call):`)
  await coll.doc('hot').set({ data: { n: 0 } })
  const viaTransaction = (options: RetryOptions) => async () => {
    let attempts = 0
    try {
      await inTransaction(db as Database, async (t: Transaction) => {
        attempts++
        const { n } = (await t.collection('bench').doc('hot').get()).data as { n: number }
        await t.collection('bench').doc('hot').update({ data: { n: n + 1 } })
      }, options)
      return { ok: true, attempts }
    } catch {
      return { ok: false, attempts }
    }
  }
  const quota = 1_000_000_000
  const conditional = async () => {
    const res = await coll.where({ _id: 'hot', n: _.lt(quota) }).update({ data: { n: _.inc(1) } })
    return { ok: res.stats.updated === 1, attempts: 1 }
  }
  const before = (await coll.doc('hot').get()).data.n as number
  const txDefault = await contend(CONTENDED_ROUNDS, WRITERS, viaTransaction({}))
  const txHot = await contend(CONTENDED_ROUNDS, WRITERS, viaTransaction({ attempts: 40, baseDelayMs: 15, maxDelayMs: 4000 }))
  const cond = await contend(CONTENDED_ROUNDS, WRITERS, conditional)
  const after = (await coll.doc('hot').get()).data.n as number
  console.log(`  inTransaction, default budget (8 attempts)    ${fmtContended(txDefault)}`)
  console.log(`  inTransaction, 40 attempts, back-off ≤ 4 s    ${fmtContended(txHot)}`)
  console.log(`  conditional where({_id, n: _.lt(q)}).update   ${fmtContended(cond)}`)
  console.log(`  ratio conditional / transaction (40 attempts): throughput ${(cond.opsPerSec / txHot.opsPerSec).toFixed(1)}x, p50 latency ${(txHot.p50 / cond.p50).toFixed(1)}x lower, p99 ${(txHot.p99 / cond.p99).toFixed(1)}x lower`)
  console.log(`  (the document gained ${after - before}; landed calls: ${txDefault.ok + txHot.ok + cond.ok})`)

}

async function startCli(dataDir: string, manifestFile: string): Promise<{ url: string; close(): Promise<void> }> {
  const cli = path.resolve(__dirname, '..', 'localcloud', 'cli.ts')
  const child = spawn(process.execPath, ['--import', 'tsx', cli, '--port', '0', '--data', dataDir, '--manifest', manifestFile], {
    cwd: path.resolve(__dirname, '..'),
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  const exited = new Promise<void>(resolve => child.on('exit', () => resolve()))
  const url = await new Promise<string>((resolve, reject) => {
    let out = ''
    child.stdout!.on('data', chunk => {
      out += chunk
      const m = /localcloud listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)
      if (m) resolve(m[1])
    })
    exited.then(() => reject(new Error('localcloud exited before listening')))
  })
  return {
    url,
    close: async () => {
      child.kill('SIGTERM')
      await exited
    },
  }
}

main().catch(err => {
  console.error(err)
  process.exit(1)
})
