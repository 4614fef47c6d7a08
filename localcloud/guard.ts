// Who may reach localcloud. It binds 127.0.0.1, yet any page open in the developer's browser can
// still aim requests at it:
// - "simple" cross-origin requests (a form post: urlencoded, multipart or text/plain, no custom
//   headers) are sent without asking anyone; only reading the answer is blocked;
// - a DNS-rebound name (evil.example → 127.0.0.1) makes the page "same origin" with us.
// So every request must name a loopback Host (no rebinding), a request that changes state must
// carry no foreign Origin, and JSON endpoints insist on a JSON content type or an SDK header, which
// a browser only sends cross-origin after a CORS preflight that these endpoints never grant.
import type { IncomingMessage } from 'node:http'

export interface Refusal {
  status: number
  code: string
  message: string
}

const LOOPBACK_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]'])

/** A hostname the browser itself resolves to this machine (never through DNS). */
export function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '')
  return LOOPBACK_NAMES.has(name) || name.endsWith('.localhost')
}

/** The `Host` header names this machine (what a DNS-rebinding page cannot fake). */
export function hasLoopbackHost(req: IncomingMessage): boolean {
  const host = req.headers.host
  if (!host) return false
  try {
    return isLoopbackName(new URL(`http://${host}`).hostname)
  } catch {
    return false
  }
}

function originOf(req: IncomingMessage): string | undefined {
  const origin = req.headers.origin
  return typeof origin === 'string' && origin !== '' ? origin : undefined
}

/** No Origin (a program, not a page) or a page served by this very server. */
export function isOwnOrigin(req: IncomingMessage): boolean {
  const origin = originOf(req)
  if (origin === undefined) return true
  try {
    const u = new URL(origin)
    return u.protocol === 'http:' && u.host === req.headers.host
  } catch {
    return false // "null" (sandboxed frames, file: pages) and garbage
  }
}

/** An Origin on this machine: our own pages, or a dev server on another loopback port. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const u = new URL(origin)
    return (u.protocol === 'http:' || u.protocol === 'https:') && isLoopbackName(u.hostname)
  } catch {
    return false
  }
}

export function isJsonType(req: IncomingMessage): boolean {
  const type = String(req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase()
  return type === 'application/json'
}

export function isMultipartType(req: IncomingMessage): boolean {
  return /^multipart\/form-data\s*;/i.test(String(req.headers['content-type'] ?? ''))
}

/**
 * wx-server-sdk sends these on every request; a browser may only send them cross-origin after a
 * preflight. The open API is multipart (which a form can forge), so it is admitted only with them.
 */
export function hasSdkHeaders(req: IncomingMessage): boolean {
  return typeof req.headers['x-sdk-version'] === 'string' && typeof req.headers['x-tcb-source'] === 'string'
}

const badHost: Refusal = {
  status: 403,
  code: 'FORBIDDEN_HOST',
  message: 'localcloud answers only requests addressed to 127.0.0.1, localhost or [::1]',
}
const foreignOrigin: Refusal = {
  status: 403,
  code: 'FORBIDDEN_ORIGIN',
  message: 'localcloud refuses requests sent by a page from another origin',
}
const notJson: Refusal = {
  status: 415,
  code: 'UNSUPPORTED_MEDIA_TYPE',
  message: 'this endpoint takes content-type: application/json',
}

/** Every request: the Host must be loopback. */
export function refuseHost(req: IncomingMessage): Refusal | null {
  return hasLoopbackHost(req) ? null : badHost
}

/**
 * The SDK's endpoint (`/admin`, `/admin/w/<token>`): JSON, or multipart carrying the SDK's own
 * headers; never from a page of another origin.
 */
export function refuseAdmin(req: IncomingMessage): Refusal | null {
  if (!isOwnOrigin(req)) return foreignOrigin
  if (req.method !== 'POST') return { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'the admin endpoint takes POST' }
  if (isJsonType(req)) return null
  if (isMultipartType(req) && hasSdkHeaders(req)) return null
  return { ...notJson, message: 'the admin endpoint takes application/json (or the SDK\'s multipart open-API call)' }
}

/** Control routes (`/_localcloud/...` other than file bytes): own origin only; POSTs are JSON. */
export function refuseControl(req: IncomingMessage): Refusal | null {
  if (req.method === 'GET' || req.method === 'HEAD') return null // reads: a foreign page cannot read the answer
  if (!isOwnOrigin(req)) return foreignOrigin
  if (req.method === 'POST' && !isJsonType(req)) return notJson
  return null
}

/** File bytes: a PUT needs our signature; never written by a page of another origin. */
export function refuseStorageWrite(req: IncomingMessage): Refusal | null {
  if (req.method === 'GET' || req.method === 'HEAD') return null // temp URLs are signed links, fine from <img>
  return isOwnOrigin(req) ? null : foreignOrigin
}

/** The client gateway: our own pages or a loopback dev server; JSON except the file upload. */
export function refuseGateway(req: IncomingMessage, pathname: string): Refusal | null {
  const origin = originOf(req)
  if (origin !== undefined && !isOwnOrigin(req) && !isLoopbackOrigin(origin)) return foreignOrigin
  if (req.method === 'POST' && pathname !== '/api/storage/upload' && !isJsonType(req)) return notJson
  return null
}
