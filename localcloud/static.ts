// Serves a built H5 app from the same origin as the gateway, so `npm start` needs one port and no CORS.
import fs from 'node:fs'
import path from 'node:path'
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

export function staticFilesService(rootDir: string): Service {
  const root = path.resolve(rootDir)
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
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-length': stat.size, 'cache-control': 'no-cache' })
        if (req.method === 'HEAD') res.end()
        else fs.createReadStream(file).pipe(res)
        return true
      },
    ],
  }
}
