// Serves a built H5 app from the same origin as the gateway, so `npm start` needs one port and no CORS.
//
// First-screen speed on a phone network: text files go out compressed (brotli, else gzip, as the
// browser accepts), compressed once per file version and kept in memory; files whose name carries
// a content hash never change, so the browser keeps them for a year without asking; the rest
// (index.html) are revalidated with an ETag and answer 304 when unchanged.
import fs from 'node:fs'
import path from 'node:path'
import zlib from 'node:zlib'
import type { IncomingMessage } from 'node:http'
import type { Service } from './service'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg'])
/** `app.3f9a1c2b.js`, `chunk.3f9a1c2b.css`: a content hash in the name */
const HASHED = /\.[0-9a-f]{8,}\.(js|css|png|jpg|svg|woff2)$/

export interface StaticOptions {
  /** off: every file as on disk with `no-cache` (the before-figure of bench/first-screen) */
  optimize?: boolean
}

type Encoding = 'br' | 'gzip' | 'identity'

function pickEncoding(req: IncomingMessage): Encoding {
  const accepted = String(req.headers['accept-encoding'] ?? '')
  if (/\bbr\b/.test(accepted)) return 'br'
  if (/\bgzip\b/.test(accepted)) return 'gzip'
  return 'identity'
}

function compress(bytes: Buffer, encoding: Exclude<Encoding, 'identity'>): Buffer {
  return encoding === 'br'
    ? zlib.brotliCompressSync(bytes, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } })
    : zlib.gzipSync(bytes, { level: 9 })
}

export function staticFilesService(rootDir: string, options: StaticOptions = {}): Service {
  const root = path.resolve(rootDir)
  const optimize = options.optimize ?? true
  // one entry per file version and encoding: `<path>|<mtime>|<size>|<encoding>`
  const cache = new Map<string, Buffer>()
  return {
    name: 'static',
    routes: [
      async (req, res, url) => {
        if (req.method !== 'GET' && req.method !== 'HEAD') return false
        const rel = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname)
        const file = path.resolve(root, `.${rel}`)
        if (!file.startsWith(root + path.sep)) return false // no escaping the folder
        let stat: fs.Stats
        try {
          stat = fs.statSync(file)
        } catch {
          return false
        }
        if (!stat.isFile()) return false
        const ext = path.extname(file)
        const type = TYPES[ext] ?? 'application/octet-stream'
        if (!optimize) {
          res.writeHead(200, { 'content-type': type, 'content-length': stat.size, 'cache-control': 'no-cache' })
          if (req.method === 'HEAD') res.end()
          else fs.createReadStream(file).pipe(res)
          return true
        }
        const version = `${stat.mtimeMs.toString(36)}-${stat.size.toString(36)}`
        const etag = `"${version}"`
        const headers: Record<string, string | number> = {
          'content-type': type,
          'cache-control': HASHED.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache',
          etag,
        }
        if (req.headers['if-none-match'] === etag) {
          res.writeHead(304, headers)
          res.end()
          return true
        }
        const encoding = COMPRESSIBLE.has(ext) ? pickEncoding(req) : 'identity'
        const key = `${file}|${version}|${encoding}`
        let body = cache.get(key)
        if (!body) {
          const raw = fs.readFileSync(file)
          body = encoding === 'identity' ? raw : compress(raw, encoding)
          cache.set(key, body)
        }
        if (COMPRESSIBLE.has(ext)) headers.vary = 'Accept-Encoding'
        if (encoding !== 'identity') headers['content-encoding'] = encoding
        headers['content-length'] = body.length
        res.writeHead(200, headers)
        res.end(req.method === 'HEAD' ? undefined : body)
        return true
      },
    ],
  }
}
