// Bundles every cloudfunctions/<name>/index.ts to index.js for the WeChat cloud's Node 16 runtime,
// with wx-server-sdk left external (installed in the cloud from the folder's package.json).
import { build } from 'esbuild'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const functionsDir = path.join(root, 'cloudfunctions')

export function functionNames(): string[] {
  return readdirSync(functionsDir).filter((name) => {
    const dir = path.join(functionsDir, name)
    return statSync(dir).isDirectory() && existsSync(path.join(dir, 'index.ts'))
  })
}

export async function buildFunctions(options: { minify?: boolean } = {}): Promise<{ name: string; bytes: number }[]> {
  const names = functionNames()
  return Promise.all(
    names.map(async (name) => {
      const outfile = path.join(functionsDir, name, 'index.js')
      await build({
        entryPoints: [path.join(functionsDir, name, 'index.ts')],
        outfile,
        bundle: true,
        platform: 'node',
        target: 'node16',
        format: 'cjs',
        external: ['wx-server-sdk'],
        minify: options.minify ?? false,
        legalComments: 'none',
        logLevel: 'warning',
        banner: { js: '// Built from index.ts by `npm run build:functions`; do not edit.' },
      })
      return { name, bytes: statSync(outfile).size }
    }),
  )
}

if (require.main === module) {
  const started = Date.now()
  buildFunctions()
    .then((built) => {
      for (const f of built) console.log(`built cloudfunctions/${f.name}/index.js (${(f.bytes / 1024).toFixed(1)} KB)`)
      console.log(`functions built in ${Date.now() - started} ms`)
    })
    .catch((e) => {
      console.error(e)
      process.exit(1)
    })
}
