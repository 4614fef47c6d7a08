// Content and directory lists at scale: every list action a member or a leader opens, called the
// way the app calls it (the client gateway, `x-wx-openid`, the built function in its worker), on a
// localcloud holding 1,000 and one holding 100,000 posts, questions, diaries and members. Prints
// p50/p99 per action at both sizes, their ratio, and the documents the database examined per call
// (a list that reads through an index and a page examines about a page, whatever the size).
// Asserts nothing.
//   npx tsx bench/content.ts [--quick]
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildFunctions } from '../scripts/build-functions'
import { startLocalCloud, type LocalCloud } from '../localcloud/server'
import type { Store } from '../localcloud/store'

const QUICK = process.argv.includes('--quick')
const CALLS = QUICK ? 20 : 60
const SIZES = [1_000, 100_000] as const
const TAGS = ['孕期', '0-6月', '6-12月', '辅食添加期', '1-3岁', '敏感肌宝宝妈妈']
const CONTESTS = 50
const ASKERS = 2_000

const LEADER = 'o-bench-leader'
const MOTHER = 'o-bench-mother' // carries one tag, so the feed filters by targeting
const MOTHER_TAGS = ['0-6月']
const MOTHER2 = 'o-bench-mother2' // a stage tag and a need: a post may target both, counted once
const MOTHER2_TAGS = ['0-6月', '敏感肌宝宝妈妈']

// Deterministic pseudo-random numbers, so both sizes hold the same mix.
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

const DAY = 86_400_000
const BASE = Date.parse('2024-01-01T00:00:00Z')
const asker = (i: number) => `o-asker-${i % ASKERS}`

/** Writes n of each list's documents straight into the store (one transaction per collection). */
function seed(store: Store, n: number): void {
  const rnd = prng(7)
  const at = (i: number) => new Date(BASE + Math.floor((i / n) * 365 * DAY))
  store.atomic(() => {
    store.insert('members', { _id: LEADER, status: 'member', roles: ['leader'], tags: [], nickname: '王团长', appliedAt: new Date(BASE) })
    store.insert('members', { _id: MOTHER, status: 'member', roles: [], tags: MOTHER_TAGS, nickname: '小雨妈妈', appliedAt: new Date(BASE) })
    store.insert('members', { _id: MOTHER2, status: 'member', roles: [], tags: MOTHER2_TAGS, nickname: '乐乐妈妈', appliedAt: new Date(BASE) })
    for (let i = 0; i < n; i++) {
      const status = rnd() < 0.1 ? 'pending' : rnd() < 0.05 ? 'rejected' : 'member'
      const tags = [TAGS[Math.floor(rnd() * TAGS.length)]]
      store.insert('members', {
        _id: `o-m-${i}`, status, roles: [], tags, autoTags: tags, manualTags: [], nickname: `妈妈${i}`,
        babyBirthDate: '2024-05-01', needs: ['奶粉'], phone: '13800000000', city: '上海', appliedAt: at(i),
      })
    }
  })
  store.atomic(() => {
    for (let i = 0; i < n; i++) {
      // most posts are for everyone; a fifth target one or two stage tags
      const targetTags = rnd() < 0.2 ? [...new Set([TAGS[Math.floor(rnd() * TAGS.length)], TAGS[Math.floor(rnd() * TAGS.length)]])] : []
      store.insert('posts', {
        _id: `p${i}`, title: `每日干货 ${i}`, body: '宝宝辅食怎么加？'.repeat(20), kind: i % 5 ? 'tip' : 'expert',
        targetTags, targeted: targetTags.length > 0, authorOpenid: LEADER, authorName: '王团长', publishedAt: at(i),
      })
    }
  })
  store.atomic(() => {
    for (let i = 0; i < n; i++) {
      const answered = rnd() < 0.6
      store.insert('questions', {
        _id: `q${i}`, question: `宝宝晚上总是醒怎么办？${i}`, askedBy: i % 97 === 0 ? MOTHER : asker(i), askedAt: at(i), answered,
        ...(answered ? { answer: '建立固定的睡前程序。', answeredBy: LEADER, answeredByName: '王团长', answeredAt: at(i) } : {}),
      })
    }
  })
  store.atomic(() => {
    for (let c = 0; c < CONTESTS; c++) {
      store.insert('contests', { _id: `c${c}`, title: `晒娃大赛 ${c}`, theme: '宝宝的第一次', deadline: new Date(BASE + 400 * DAY), createdBy: LEADER, createdAt: at(c) })
    }
    for (let i = 0; i < n; i++) {
      const inContest = rnd() < 0.5
      store.insert('diaries', {
        _id: `d${i}`, openid: asker(i), authorName: `妈妈${i % ASKERS}`, text: `今天宝宝会翻身了 ${i}`,
        photoFileID: `cloud://local-env.bucket/diary/${i}.jpg`, ...(inContest ? { contestId: `c${i % CONTESTS}` } : {}),
        likeCount: Math.floor(rnd() * 500), createdAt: at(i),
      })
    }
  })
}

interface Call {
  name: string
  fn: 'content' | 'member'
  openid: string
  data: Record<string, unknown>
}

const calls: Call[] = [
  { name: 'feed (member, p1)', fn: 'content', openid: MOTHER, data: { action: 'feed', page: 1, pageSize: 20 } },
  { name: 'feed (member, p10)', fn: 'content', openid: MOTHER, data: { action: 'feed', page: 10, pageSize: 20 } },
  { name: 'feed (2 tags, p1)', fn: 'content', openid: MOTHER2, data: { action: 'feed', page: 1, pageSize: 20 } },
  { name: 'feed (leader, p1)', fn: 'content', openid: LEADER, data: { action: 'feed', page: 1, pageSize: 20 } },
  { name: 'questions (p1)', fn: 'content', openid: MOTHER, data: { action: 'questions', page: 1, pageSize: 20 } },
  { name: 'questions (mine)', fn: 'content', openid: MOTHER, data: { action: 'questions', page: 1, pageSize: 20, mine: true } },
  { name: 'unanswered (leader)', fn: 'content', openid: LEADER, data: { action: 'unanswered', page: 1, pageSize: 20 } },
  { name: 'diaries (p1)', fn: 'content', openid: MOTHER, data: { action: 'diaries', page: 1, pageSize: 20 } },
  { name: 'diaries (contest)', fn: 'content', openid: MOTHER, data: { action: 'diaries', page: 1, pageSize: 20, contestId: 'c1' } },
  { name: 'ranking', fn: 'content', openid: MOTHER, data: { action: 'ranking', contestId: 'c1' } },
  { name: 'contests', fn: 'content', openid: MOTHER, data: { action: 'contests' } },
  { name: 'member.pending', fn: 'member', openid: LEADER, data: { action: 'pending', page: 1, pageSize: 20 } },
  { name: 'member.list', fn: 'member', openid: LEADER, data: { action: 'list', page: 1, pageSize: 20 } },
  { name: 'member.list (status+tag)', fn: 'member', openid: LEADER, data: { action: 'list', page: 1, pageSize: 20, status: 'member', tag: '0-6月' } },
]

async function invoke(cloud: LocalCloud, call: Call): Promise<void> {
  const res = await fetch(`${cloud.url}/api/functions/${call.fn}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-wx-openid': call.openid },
    body: JSON.stringify(call.data),
  })
  const body = (await res.json()) as { ok?: boolean; error?: unknown }
  if (!body.ok) throw new Error(`${call.name}: ${JSON.stringify(body)}`)
}

async function docsExamined(cloud: LocalCloud): Promise<number> {
  const res = await fetch(`${cloud.url}/_localcloud/stats`)
  return ((await res.json()) as { docsExamined: number }).docsExamined
}

interface Figures {
  p50: number
  p99: number
  examined: number
}

const percentile = (sorted: number[], p: number): number => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]

async function measure(cloud: LocalCloud, call: Call): Promise<Figures> {
  await invoke(cloud, call) // warm: a worker per function is already up, this fills its caches
  const before = await docsExamined(cloud)
  await invoke(cloud, call)
  const examined = (await docsExamined(cloud)) - before
  const latencies: number[] = []
  for (let i = 0; i < CALLS; i++) {
    const t0 = performance.now()
    await invoke(cloud, call)
    latencies.push(performance.now() - t0)
  }
  latencies.sort((a, b) => a - b)
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), examined }
}

/** A call that fails (a timeout, say) is reported in the table rather than ending the run. */
const failed = (err: unknown): string => String((err as Error).message ?? err).slice(0, 160)

const ms = (v: number): string => v.toFixed(1).padStart(8)

/** The `total` of each filtered list alone: store.count in-process, the same filters the lists send. */
const counts: Array<{ name: string; collection: string; filter: Record<string, unknown> }> = [
  { name: 'feed (member)', collection: 'posts', filter: { $or: [{ targeted: false }, { targetTags: { $in: MOTHER_TAGS } }] } },
  { name: 'feed (2 tags)', collection: 'posts', filter: { $or: [{ targeted: false }, { targetTags: { $in: MOTHER2_TAGS } }] } },
  { name: 'questions (p1)', collection: 'questions', filter: { $or: [{ answered: true }, { askedBy: MOTHER }] } },
  { name: 'unanswered', collection: 'questions', filter: { answered: false } },
  { name: 'member.list (status+tag)', collection: 'members', filter: { status: 'member', tags: '0-6月' } },
]

function printCounts(stores: Store[]): void {
  console.log(`\ncount() alone, in the store (median of ${CALLS}, ms; the first call, which builds a tally, is left out)`)
  const head = `${'total of'.padEnd(26)}${'1k'.padStart(8)}${'100k'.padStart(8)}${'matches'.padStart(9)}  ${'ratio'.padStart(6)}`
  console.log(head)
  console.log('-'.repeat(head.length))
  for (const { name, collection, filter } of counts) {
    const [small, large] = stores.map((store) => {
      store.count(collection, filter)
      const times: number[] = []
      for (let i = 0; i < CALLS; i++) {
        const t0 = performance.now()
        store.count(collection, filter)
        times.push(performance.now() - t0)
      }
      return { ms: percentile(times.sort((a, b) => a - b), 50), n: store.count(collection, filter) }
    })
    console.log(`${name.padEnd(26)}${small.ms.toFixed(2).padStart(8)}${large.ms.toFixed(2).padStart(8)}${String(large.n).padStart(9)}  ${(large.ms / small.ms).toFixed(2).padStart(6)}`)
  }
}

async function main(): Promise<void> {
  const t0 = performance.now()
  await buildFunctions()
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'content-bench-'))
  const clouds: LocalCloud[] = []
  const stores: Store[] = []
  try {
    for (const n of SIZES) {
      const started = performance.now()
      clouds.push(
        await startLocalCloud({
          port: 0,
          dataDir: path.join(root, String(n)),
          seed: (store) => {
            seed(store, n)
            stores.push(store)
          },
        }),
      )
      console.log(`seeded ${n} posts, questions, diaries and members in ${((performance.now() - started) / 1000).toFixed(1)} s`)
    }
    for (const cloud of clouds) for (const fn of ['content', 'member'] as const) await invoke(cloud, { ...calls[0], fn, data: { action: fn === 'content' ? 'contests' : 'me' } })

    console.log(`\n${CALLS} sequential calls per action through the client gateway (p50 / p99 in ms; docs = documents examined per call)`)
    const head = `${'action'.padEnd(26)}${'1k p50'.padStart(8)}${'p99'.padStart(8)}${'docs'.padStart(8)}  ${'100k p50'.padStart(8)}${'p99'.padStart(8)}${'docs'.padStart(8)}  ${'ratio p50'.padStart(9)}`
    console.log(head)
    console.log('-'.repeat(head.length))
    for (const call of calls) {
      const [small, large] = [await measure(clouds[0], call).catch(failed), await measure(clouds[1], call).catch(failed)]
      if (typeof small === 'string' || typeof large === 'string') {
        console.log(`${call.name.padEnd(26)} failed: ${typeof small === 'string' ? small : ''} ${typeof large === 'string' ? large : ''}`)
        continue
      }
      console.log(
        `${call.name.padEnd(26)}${ms(small.p50)}${ms(small.p99)}${String(small.examined).padStart(8)}  ${ms(large.p50)}${ms(large.p99)}${String(large.examined).padStart(8)}  ${(large.p50 / small.p50).toFixed(2).padStart(9)}`,
      )
    }
    printCounts(stores)
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
