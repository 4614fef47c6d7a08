// Reading request bodies with limits, so one hostile client harms no one else: a body over its
// limit is drained (never held in memory) and answered 413; JSON nested deeper than
// MAX_JSON_DEPTH is refused before it is parsed, because deep values blow the stack of whatever
// walks them next (the IPC serializer that hands an event to a function worker did).
import type { IncomingMessage } from 'node:http'

/** Deeper than any real payload (the app's inputs are 3–4 levels); shallow enough for every recursive walker. */
export const MAX_JSON_DEPTH = 64
/** Client gateway calls: a callFunction payload is capped at 6 MB by the platform; uploads have their own limit. */
export const GATEWAY_JSON_LIMIT = 5 * 1024 * 1024
/** SDK calls on `/admin` (the database answers at most 16 MB per packet; requests are far smaller). */
export const ADMIN_JSON_LIMIT = 16 * 1024 * 1024
export const UPLOAD_LIMIT = 50 * 1024 * 1024

/** A request the client got wrong; `status` is the HTTP answer. */
export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly reason: 'too-large' | 'too-deep' | 'not-json',
    message: string,
  ) {
    super(message)
  }
}

export function tooLarge(limit: number): BodyError {
  return new BodyError(413, 'too-large', `request body too large (the limit is ${Math.round(limit / 1024 / 1024)} MB)`)
}

/** The whole body, or BodyError 413 once it passes `limit` (the rest is read and dropped, so the client sees the answer). */
export async function readBody(req: IncomingMessage, limit = UPLOAD_LIMIT): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  const chunks: Buffer[] = []
  let size = 0
  let over = Number.isFinite(declared) && declared > limit
  for await (const chunk of req) {
    if (over) continue
    size += (chunk as Buffer).length
    if (size > limit) {
      over = true
      chunks.length = 0
      continue
    }
    chunks.push(chunk as Buffer)
  }
  if (over) throw tooLarge(limit)
  return Buffer.concat(chunks)
}

/** True when `text` (JSON) opens more than `max` arrays/objects inside each other. Linear, no recursion. */
export function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++ // backslash: skip the escaped character
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true
    } else if (c === 0x5d || c === 0x7d) depth--
  }
  return false
}

/** True when a value holds arrays/objects more than `max` levels deep. Iterative, so it cannot overflow itself. */
export function valueTooDeep(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]]
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!
    if (v === null || typeof v !== 'object') continue
    if (depth + 1 > max) return true
    for (const child of Object.values(v)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1])
  }
  return false
}

export function tooDeep(): BodyError {
  return new BodyError(400, 'too-deep', `请求内容嵌套过深 (JSON nested more than ${MAX_JSON_DEPTH} levels)`)
}

/** Parses JSON text, refusing nesting deeper than MAX_JSON_DEPTH; empty text is `{}`. */
export function parseJsonText(text: string): unknown {
  const trimmed = text.trim()
  if (!trimmed) return {}
  if (jsonTooDeep(trimmed)) throw tooDeep()
  try {
    return JSON.parse(trimmed)
  } catch {
    throw new BodyError(400, 'not-json', 'request body is not JSON')
  }
}

/** A JSON request body within `limit` bytes and MAX_JSON_DEPTH levels. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  return parseJsonText((await readBody(req, limit)).toString('utf8'))
}
