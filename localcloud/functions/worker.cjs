'use strict'
// One cloud function instance: a child process that loads one function's index.js and runs one
// invocation at a time, like an SCF instance. Plain CommonJS that Node 16 can run (the real
// runtime), so it needs no TypeScript loader. Identity travels in process.env because
// wx-server-sdk's getWXContext() reads it from there at call time.

// --- the localcloud clock: shift the global Date so Date.now(), new Date() and dayjs() follow it
const RealDate = Date
let clockOffset = 0

function ShiftedDate(...args) {
  if (!new.target) return new RealDate(RealDate.now() + clockOffset).toString()
  return Reflect.construct(RealDate, args.length === 0 ? [RealDate.now() + clockOffset] : args, new.target)
}
ShiftedDate.prototype = RealDate.prototype
ShiftedDate.now = () => RealDate.now() + clockOffset
ShiftedDate.parse = RealDate.parse
ShiftedDate.UTC = RealDate.UTC
Object.defineProperty(ShiftedDate, 'name', { value: 'Date' })
global.Date = ShiftedDate

const modulePath = process.env.LOCALCLOUD_FUNCTION_MAIN
let current = null // { id } of the invocation in progress

function send(msg) {
  if (process.connected) process.send(msg)
}

function describe(err) {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack }
  let text
  try { text = typeof err === 'string' ? err : JSON.stringify(err) } catch { text = String(err) }
  return { name: 'Error', message: String(text), stack: undefined }
}

function fail(id, err) {
  send({ type: 'result', id, ok: false, error: describe(err) })
}

// An error escaping the invocation's promise chain ends it, as on the real runtime; the process
// is not trusted afterwards, so it leaves and the pool spawns a fresh one.
function fatal(err) {
  if (current) fail(current.id, err)
  current = null
  setTimeout(() => process.exit(1), 10)
}
process.on('uncaughtException', fatal)
process.on('unhandledRejection', fatal)

async function invoke(msg) {
  current = { id: msg.id }
  clockOffset = msg.clockOffset || 0
  for (const [key, value] of Object.entries(msg.env || {})) {
    if (value === null || value === undefined || value === '') delete process.env[key]
    else process.env[key] = String(value)
  }
  try {
    if (loadError) throw loadError
    const mod = loaded
    const main = mod && (typeof mod.main === 'function' ? mod.main : mod.default && mod.default.main)
    if (typeof main !== 'function') throw new Error(`${msg.functionName}: index.js does not export main`)
    const value = await main(msg.event, msg.context)
    let json
    try { json = JSON.stringify(value === undefined ? null : value) } catch (e) { throw new Error(`return value is not JSON: ${e.message}`) }
    if (current && current.id === msg.id) send({ type: 'result', id: msg.id, ok: true, value: json })
  } catch (err) {
    if (current && current.id === msg.id) fail(msg.id, err)
  } finally {
    if (current && current.id === msg.id) current = null
  }
}

process.on('message', (msg) => {
  if (!msg || typeof msg !== 'object') return
  if (msg.type === 'invoke') invoke(msg)
  else if (msg.type === 'clock') clockOffset = msg.offset || 0
})
process.on('disconnect', () => process.exit(0))

// Load the code before the first event, as an SCF instance initialises: loading time does not
// count against the invocation's timeout.
let loaded = null
let loadError = null
try {
  loaded = require(modulePath)
} catch (err) {
  loadError = err
}
send({ type: 'ready' })
