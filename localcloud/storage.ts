// Cloud storage on local disk. File IDs look like the real ones,
// `cloud://<env>.<bucket>/<path>`, with the bytes under `<dataDir>/storage/<bucket>/<path>`.
// Uploads go to a PUT URL this server hands out (as COS does), signed for UPLOAD_SIGNATURE_SEC;
// temp URLs are signed, live at most a day (the platform's cap), expire on the localcloud clock and
// are served by a GET route.
//
// Stored files come from users, and they are served from localcloud's own origin, where a page
// could call every endpoint. So a file is never served as something a browser runs: only passive
// types keep their content type, anything else (HTML, SVG, XML, scripts, unknown) is an
// attachment, every answer says nosniff and carries a sandboxing CSP, and none allows CORS.
// One exception, for files users cannot write: the data export's readable page, which functions
// write under `exports/` (the client gateway refuses that folder), opens as a page — still
// sandboxed, with no script and nothing loaded from elsewhere, only its own inline style.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ServerResponse } from 'node:http'
import { readBody, UPLOAD_LIMIT } from './body'
import type { AdminAction, RawRoute, Service, ServiceContext } from './service'

export { readBody } from './body'

const ROUTE = '/_localcloud/storage/'
/** getTempFileURL: "默认一天且最大不超过一天" (default one day, at most one day) */
export const MAX_AGE_SEC = 86400
/** How long the PUT URL from getUploadMetadata accepts the upload (COS signatures are short-lived too). */
export const UPLOAD_SIGNATURE_SEC = 600

/** Types a browser displays but never runs; everything else is served as a download. */
const PASSIVE_TYPES: Record<string, string> = {
  '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif', '.webp': 'image/webp',
  '.txt': 'text/plain; charset=utf-8', '.json': 'application/json', '.pdf': 'application/pdf',
  '.mp4': 'video/mp4', '.mp3': 'audio/mpeg', '.csv': 'text/csv; charset=utf-8',
}

/** Where functions put what they generate (the data export); clients may not upload there. */
export const FUNCTIONS_ONLY_PREFIX = 'exports/'

/** Whether a client (through the gateway) may write at cloudPath. */
export function clientMayWrite(cloudPath: string): boolean {
  return !cloudPath.startsWith(FUNCTIONS_ONLY_PREFIX)
}

/** Response headers for a stored file: its type if passive, else a download; never sniffed, never a page, no CORS. */
export function fileHeaders(cloudPath: string, size: number): Record<string, string> {
  const ext = path.extname(cloudPath).toLowerCase()
  const passive = PASSIVE_TYPES[ext]
  const name = encodeURIComponent(path.basename(cloudPath))
  if (!clientMayWrite(cloudPath) && (ext === '.html' || ext === '.htm')) {
    return {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(size),
      'x-content-type-options': 'nosniff',
      // a page to read: its inline style applies; no script runs, nothing else loads, and its
      // links (the photos) may open in a new tab
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox allow-popups allow-popups-to-escape-sandbox",
      'content-disposition': `inline; filename*=UTF-8''${name}`,
    }
  }
  return {
    'content-type': passive ?? 'application/octet-stream',
    'content-length': String(size),
    'x-content-type-options': 'nosniff',
    'content-security-policy': "default-src 'none'; sandbox",
    ...(passive ? {} : { 'content-disposition': `attachment; filename*=UTF-8''${name}` }),
  }
}

function cosError(res: ServerResponse, status: number, code: string, message: string): void {
  res.writeHead(status, { 'content-type': 'application/xml' })
  res.end(`<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>${code}</Code><Message>${message}</Message><Resource></Resource><RequestId>localcloud</RequestId><TraceId>localcloud</TraceId></Error>`)
}

/** A cloud path is relative, `/`-separated, without empty, `.` or `..` segments. */
export function normalizeCloudPath(input: string): string | null {
  const p = String(input ?? '').replace(/^\/+/, '')
  if (!p || p.length > 1024) return null
  const parts = p.split('/')
  if (parts.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0') || s.includes('\\'))) return null
  return p
}

export interface StorageApi {
  bucket: string
  fileIdFor(cloudPath: string): string
  /** Store bytes at cloudPath; returns the file ID. */
  put(cloudPath: string, bytes: Buffer): string
  tempUrls(list: Array<{ fileID: string; maxAge?: number }>): Array<Record<string, unknown>>
}

const registry = new WeakMap<ServiceContext, StorageApi>()

export function getStorage(ctx: ServiceContext): StorageApi | undefined {
  return registry.get(ctx)
}

export function storageService(ctx: ServiceContext): Service & { api: StorageApi } {
  const root = path.join(ctx.dataDir, 'storage')
  fs.mkdirSync(root, { recursive: true })
  // Signatures survive a restart, so handed-out URLs keep working.
  const secretFile = path.join(root, '.secret')
  if (!fs.existsSync(secretFile)) fs.writeFileSync(secretFile, randomBytes(32).toString('hex'))
  const secret = fs.readFileSync(secretFile, 'utf8').trim()
  const envHex = Buffer.from(ctx.env.slice(0, 2)).toString('hex')
  const bucket = `${envHex}-${ctx.env}-1250000000`
  const fileIdPrefix = `cloud://${ctx.env}.${bucket}/`

  const sign = (text: string) => createHmac('sha256', secret).update(text).digest('hex').slice(0, 32)
  const sameSig = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
  const diskPath = (cloudPath: string) => path.join(root, bucket, ...cloudPath.split('/'))
  const fileIdFor = (cloudPath: string) => fileIdPrefix + cloudPath
  const pathOfFileId = (fileID: unknown): string | null =>
    typeof fileID === 'string' && fileID.startsWith(fileIdPrefix) ? normalizeCloudPath(fileID.slice(fileIdPrefix.length)) : null
  const exists = (cloudPath: string) => {
    try {
      return fs.statSync(diskPath(cloudPath)).isFile()
    } catch {
      return false
    }
  }

  function put(cloudPath: string, bytes: Buffer): string {
    const file = diskPath(cloudPath)
    fs.mkdirSync(path.dirname(file), { recursive: true })
    // write-then-rename: a reader never sees half a file
    const tmp = `${file}.${randomBytes(4).toString('hex')}.uploading`
    fs.writeFileSync(tmp, bytes)
    fs.renameSync(tmp, file)
    return fileIdFor(cloudPath)
  }

  function tempUrls(list: Array<{ fileID: string; maxAge?: number }>): Array<Record<string, unknown>> {
    return list.map(({ fileID, maxAge }) => {
      const cloudPath = pathOfFileId(fileID)
      if (!cloudPath || !exists(cloudPath)) {
        return { fileID, tempFileURL: '', code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      }
      const asked = Number(maxAge)
      const age = Number.isFinite(asked) && asked >= 1 ? Math.min(Math.floor(asked), MAX_AGE_SEC) : MAX_AGE_SEC
      const expires = Math.floor(ctx.clock.now() / 1000) + age
      // The path stays unencoded: the SDK runs encodeURI() on it before downloading.
      const url = `${ctx.baseUrl()}${ROUTE}${bucket}/${cloudPath}?sign=${sign(`get:${cloudPath}:${expires}`)}&t=${expires}`
      return { fileID, tempFileURL: url, code: 'SUCCESS', maxAge: age }
    })
  }

  const getUploadMetadata: AdminAction = async (body) => {
    const cloudPath = normalizeCloudPath(String(body.path ?? ''))
    if (!cloudPath) return { code: 'INVALID_PARAM', message: 'invalid cloudPath' }
    const encoded = cloudPath.split('/').map(encodeURIComponent).join('/')
    const expires = Math.floor(ctx.clock.now() / 1000) + UPLOAD_SIGNATURE_SEC
    return {
      data: {
        url: `${ctx.baseUrl()}${ROUTE}${bucket}/${encoded}`,
        token: randomBytes(16).toString('hex'),
        // the SDK sends this back verbatim as the PUT's Authorization header
        authorization: `${expires}.${sign(`put:${cloudPath}:${expires}`)}`,
        fileId: fileIdFor(cloudPath),
        cosFileId: randomBytes(8).toString('hex'),
      },
    }
  }

  const batchGetDownloadUrl: AdminAction = async (body) => {
    const list = Array.isArray(body.file_list) ? (body.file_list as Array<Record<string, unknown>>) : null
    if (!list) return { code: 'INVALID_PARAM', message: 'file_list must be an array' }
    return { data: { download_list: tempUrls(list.map((f) => ({ fileID: String(f?.fileid ?? ''), maxAge: f?.max_age as number | undefined }))) } }
  }

  const batchDeleteFile: AdminAction = async (body) => {
    const list = Array.isArray(body.fileid_list) ? (body.fileid_list as unknown[]) : null
    if (!list) return { code: 'INVALID_PARAM', message: 'fileid_list must be an array' }
    const delete_list = list.map((fileID) => {
      const cloudPath = pathOfFileId(fileID)
      if (!cloudPath || !exists(cloudPath)) return { fileID, code: 'STORAGE_FILE_NONEXIST', message: 'storage file not exists' }
      fs.rmSync(diskPath(cloudPath))
      return { fileID, code: 'SUCCESS' }
    })
    return { data: { delete_list } }
  }

  const bytesRoute: RawRoute = async (req, res, url) => {
    if (!url.pathname.startsWith(`${ROUTE}${bucket}/`)) return false
    let cloudPath: string | null
    try {
      cloudPath = normalizeCloudPath(url.pathname.slice(ROUTE.length + bucket.length + 1).split('/').map(decodeURIComponent).join('/'))
    } catch {
      cloudPath = null
    }
    if (!cloudPath) {
      cosError(res, 400, 'InvalidURI', 'Could not parse the specified URI.')
      return true
    }
    if (req.method === 'PUT') {
      const [expiresText = '', sig = ''] = String(req.headers.authorization ?? '').split('.')
      const expires = Number(expiresText)
      if (!/^\d+$/.test(expiresText) || !sameSig(sig, sign(`put:${cloudPath}:${expires}`))) {
        req.resume()
        cosError(res, 403, 'SignatureDoesNotMatch', 'The Signature you specified is invalid.')
        return true
      }
      if (expires * 1000 < ctx.clock.now()) {
        req.resume()
        cosError(res, 403, 'AccessDenied', 'Request has expired')
        return true
      }
      let bytes: Buffer
      try {
        bytes = await readBody(req, UPLOAD_LIMIT)
      } catch {
        cosError(res, 413, 'EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.')
        return true
      }
      put(cloudPath, bytes)
      res.writeHead(200, { 'content-length': '0' })
      res.end()
      return true
    }
    if (req.method === 'GET' || req.method === 'HEAD') {
      const expires = Number(url.searchParams.get('t'))
      const sig = url.searchParams.get('sign') ?? ''
      if (!sameSig(sig, sign(`get:${cloudPath}:${expires}`))) {
        cosError(res, 403, 'AccessDenied', 'Access Denied.')
        return true
      }
      if (expires * 1000 < ctx.clock.now()) {
        cosError(res, 403, 'AccessDenied', 'Request has expired')
        return true
      }
      if (!exists(cloudPath)) {
        cosError(res, 404, 'NoSuchKey', 'The specified key does not exist.')
        return true
      }
      const file = diskPath(cloudPath)
      res.writeHead(200, fileHeaders(cloudPath, fs.statSync(file).size))
      if (req.method === 'HEAD') res.end()
      else fs.createReadStream(file).pipe(res)
      return true
    }
    return false
  }

  const api: StorageApi = { bucket, fileIdFor, put, tempUrls }
  registry.set(ctx, api)
  return {
    name: 'storage',
    api,
    actions: {
      'storage.getUploadMetadata': getUploadMetadata,
      'storage.batchGetDownloadUrl': batchGetDownloadUrl,
      'storage.batchDeleteFile': batchDeleteFile,
    },
    routes: [bytesRoute],
    async close() {
      registry.delete(ctx)
    },
  }
}
