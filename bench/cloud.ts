// localcloud benchmark: the same operations through the real wx-server-sdk (HTTP + EJSON + the
// database service) and directly on the store, in one run, so the ratio shows what the wire layer
// costs; plus indexed-query latency at 1k and 100k documents. Prints figures; asserts nothing.
// localcloud runs as its own process (the CLI), as in use, so the SDK client and the server do
// not share one CPU thread; the direct store calls run in this process.
//   npx tsx bench/cloud.ts [--quick]
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { newDocId } from '../localcloud/database'
import type { Manifest } from '../localcloud/manifest'
import { DB_FILE } from '../localcloud/server'
import { Store } from '../localcloud/store'

const QUICK = process.argv.includes('--quick')
const BASE_DOCS = 10_000
const SEQUENTIAL = QUICK ? 300 : 2000
const CONCURRENT = QUICK ? 600 : 4000
const CONCURRENCY = 16
const SIZES = [1_000, 100_000]

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
    for (const n of SIZES) for (let i = 0; i < n; i++) store.insert(`size${n}`, make(i))
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

const fmt = (f: Figures): string => `${f.opsPerSec.toFixed(0).padStart(7)} ops/s  p50 ${f.p50.toFixed(3).padStart(7)} ms  p99 ${f.p99.toFixed(3).padStart(7)} ms`

async function main(): Promise<void> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-bench-'))
  const t0 = performance.now()
  try {
    const prepared = new Store(path.join(root, 'sdk', DB_FILE))
    fill(prepared)
    prepared.close()
    const manifestFile = path.join(root, 'manifest.json')
    fs.writeFileSync(manifestFile, JSON.stringify(manifest))
    const cloud = await startCli(path.join(root, 'sdk'), manifestFile)
    const direct = new Store(path.join(root, 'direct', DB_FILE))
    fill(direct)
    console.log(`setup: ${BASE_DOCS} + ${SIZES.join(' + ')} documents twice in ${((performance.now() - t0) / 1000).toFixed(1)} s`)

    Object.assign(process.env, {
      TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${cloud.url}/admin` }),
      TENCENTCLOUD_SECRETID: 'bench', TENCENTCLOUD_SECRETKEY: 'bench', TENCENTCLOUD_SESSIONTOKEN: 'bench',
      TENCENTCLOUD_REGION: 'ap-shanghai', TCB_ENV: 'local-env', SCF_NAMESPACE: 'local-env', TENCENTCLOUD_RUNENV: 'SCF',
      WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID', WX_OPENID: 'o-bench', WX_APPID: 'wx-bench',
    })
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

    direct.close()
    await cloud.close()
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
  console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`)
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
