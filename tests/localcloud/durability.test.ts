// Durability: every write acknowledged to the SDK survives kill -9 of the localcloud process.
// The CLI runs as a child process. It is started as `node --import tsx localcloud/cli.ts` so the
// process that gets SIGKILL is the server itself: the `tsx` launcher runs the script in a second
// node process, and killing the launcher would leave the server running.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { loadSdk, type WxCloud } from './support'

const ROOT = path.resolve(__dirname, '..', '..')
const LINE = /^localcloud listening on http:\/\/127\.0\.0\.1:(\d+)$/m

jest.setTimeout(60_000)

interface Running {
  child: ChildProcess
  url: string
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

async function startCli(dataDir: string, manifest: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'localcloud', 'cli.ts'), '--port', '0', '--data', dataDir, '--manifest', manifest], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(resolve =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  )
  let out = ''
  let err = ''
  child.stderr!.on('data', chunk => (err += chunk))
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', chunk => {
      out += chunk
      const m = LINE.exec(out)
      if (m) resolve(`http://127.0.0.1:${m[1]}`)
    })
    exited.then(() => reject(new Error(`localcloud exited before listening:\n${out}\n${err}`)))
  })
  return { child, url, exited }
}

let dataDir: string
let manifest: string

beforeAll(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'localcloud-durable-'))
  manifest = path.join(dataDir, 'manifest.json')
  fs.writeFileSync(manifest, JSON.stringify({ collections: [{ name: 'orders', indexes: [{ name: 'seq_1', keys: { seq: 1 }, unique: true }] }] }))
})

afterAll(() => {
  fs.rmSync(dataDir, { recursive: true, force: true })
})

test('acknowledged writes survive kill -9 and a restart on the same --data dir', async () => {
  const first = await startCli(path.join(dataDir, 'db'), manifest)
  let db: WxCloud = loadSdk(first.url).database()
  const _ = db.command
  // sequential writes, then a concurrent burst; every promise below resolved = acknowledged
  for (let i = 0; i < 30; i++) await db.collection('orders').add({ data: { _id: `o${i}`, seq: i, status: 'new' } })
  await db.collection('orders').doc('o0').update({ data: { status: _.set('paid') } })
  await db.collection('orders').doc('o1').remove()
  await db.runTransaction(async (t: WxCloud) => {
    await t.collection('orders').doc('o2').update({ data: { status: 'shipped' } })
    await t.collection('orders').add({ data: { _id: 'tx', seq: 1000 } })
  })
  await Promise.all(Array.from({ length: 100 }, (_x, i) => db.collection('orders').add({ data: { _id: `b${i}`, seq: 100 + i } })))
  first.child.kill('SIGKILL')
  expect((await first.exited).signal).toBe('SIGKILL')

  const second = await startCli(path.join(dataDir, 'db'), manifest)
  try {
    db = loadSdk(second.url).database()
    expect((await db.collection('orders').count()).total).toBe(30 - 1 + 1 + 100)
    expect((await db.collection('orders').doc('o0').get()).data.status).toBe('paid')
    expect((await db.collection('orders').doc('o2').get()).data.status).toBe('shipped')
    expect((await db.collection('orders').doc('b99').get()).data.seq).toBe(199)
    expect((await db.collection('orders').where({ seq: 1000 }).get()).data).toHaveLength(1)
    // the unique index still holds after recovery
    await expect(db.collection('orders').add({ data: { seq: 5 } })).rejects.toMatchObject({ errCode: -502001 })
  } finally {
    second.child.kill('SIGTERM')
    expect(await second.exited).toEqual({ code: 0, signal: null }) // SIGTERM closes cleanly
  }
})

test('SIGINT closes cleanly too', async () => {
  const running = await startCli(path.join(dataDir, 'db2'), manifest)
  running.child.kill('SIGINT')
  expect(await running.exited).toEqual({ code: 0, signal: null })
})
