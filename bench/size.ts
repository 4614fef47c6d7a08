// Weapp package sizes against WeChat's limits (2 MB main package, 2 MB per subpackage, 20 MB total),
// next to the floor: an empty Taro React page built the same way, so the app's own weight shows.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'

const root = path.resolve(__dirname, '..')
const MB = 1024 * 1024
const MAIN_LIMIT = 2 * MB

function taroBuild(sourceRoot: string, outputRoot: string): number {
  const started = Date.now()
  execFileSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'weapp'], {
    cwd: root,
    stdio: 'ignore',
    env: { ...process.env, NODE_ENV: 'production', TARO_SOURCE_ROOT: sourceRoot, TARO_OUTPUT_ROOT: outputRoot },
  })
  return Date.now() - started
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    return e.isDirectory() ? filesUnder(full) : [full]
  })
}

interface Sizes {
  main: number
  subpackages: { root: string; bytes: number }[]
  /** main-package scripts that carry zod (its objects keep their internals under `_zod`) */
  zodInMain: string[]
}

function measure(outDir: string): Sizes {
  const app = JSON.parse(readFileSync(path.join(outDir, 'app.json'), 'utf8')) as { subPackages?: { root: string }[]; subpackages?: { root: string }[] }
  const roots = (app.subPackages ?? app.subpackages ?? []).map((s) => s.root.replace(/\/$/, ''))
  const subpackages = roots.map((r) => ({ root: r, bytes: 0 }))
  let main = 0
  const zodInMain: string[] = []
  for (const file of filesUnder(outDir)) {
    const rel = path.relative(outDir, file).split(path.sep).join('/')
    const bytes = statSync(file).size
    const sub = subpackages.find((s) => rel.startsWith(`${s.root}/`))
    if (sub) sub.bytes += bytes
    else {
      main += bytes
      if (rel.endsWith('.js') && /ZodError|_zod\b/.test(readFileSync(file, 'utf8'))) zodInMain.push(rel)
    }
  }
  return { main, subpackages, zodInMain }
}

function writeFloorApp(dir: string): void {
  rmSync(dir, { recursive: true, force: true })
  mkdirSync(path.join(dir, 'pages/index'), { recursive: true })
  writeFileSync(path.join(dir, 'app.config.ts'), "export default defineAppConfig({ pages: ['pages/index/index'] })\n")
  writeFileSync(path.join(dir, 'app.tsx'), "import type { PropsWithChildren } from 'react'\nexport default function App({ children }: PropsWithChildren) { return children }\n")
  writeFileSync(path.join(dir, 'pages/index/index.config.ts'), 'export default definePageConfig({})\n')
  writeFileSync(path.join(dir, 'pages/index/index.tsx'), "import { View } from '@tarojs/components'\nexport default function Index() { return <View /> }\n")
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
const pct = (n: number) => `${((n / MAIN_LIMIT) * 100).toFixed(1)}%`

function main(): void {
  const appMs = taroBuild('src', 'dist/weapp')
  const app = measure(path.join(root, 'dist/weapp'))

  const floorSrc = '.tmp/size-floor/src'
  writeFloorApp(path.join(root, floorSrc))
  const floorMs = taroBuild(floorSrc, '.tmp/size-floor/dist')
  const floor = measure(path.join(root, '.tmp/size-floor/dist'))

  console.log('weapp production build (sizes as uploaded)')
  console.log(`  app build:            ${appMs} ms; empty-page build: ${floorMs} ms`)
  console.log(`  main package:         ${kb(app.main)}  = ${pct(app.main)} of the 2 MB limit (ratio ${(app.main / MAIN_LIMIT).toFixed(3)})`)
  console.log(`  zod in main package:  ${app.zodInMain.length > 0 ? `yes (${app.zodInMain.join(', ')})` : 'no'}`)
  for (const s of app.subpackages) console.log(`  subpackage ${s.root}: ${kb(s.bytes)}  = ${pct(s.bytes)} of its 2 MB limit`)
  console.log(`  floor (empty page):   ${kb(floor.main)}  = ${pct(floor.main)} of the limit`)
  console.log(`  app's own weight:     ${kb(app.main - floor.main)} (main package minus floor; ratio app/floor ${(app.main / floor.main).toFixed(2)})`)
  const total = app.main + app.subpackages.reduce((a, s) => a + s.bytes, 0)
  console.log(`  all packages:         ${kb(total)} of the 20 MB total`)
}

main()
