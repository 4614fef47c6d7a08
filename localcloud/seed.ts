// Seed data hook: `--seed <name>` loads localcloud/seeds/<name>.ts (or .js) and runs its default
// export (or `seed` export) with the store, after the manifest's collections exist. A seed runs on
// every start, so it should write idempotently (store.put with fixed _ids).
import fs from 'node:fs'
import path from 'node:path'
import type { Store } from './store'

export type SeedFunction = (db: Store) => void | Promise<void>

export async function applySeed(name: string, db: Store): Promise<boolean> {
  if (!/^[\w-]+$/.test(name)) throw new Error(`invalid seed name: ${name}`)
  const base = path.join(__dirname, 'seeds', name)
  const file = ['.ts', '.js'].map(ext => base + ext).find(f => fs.existsSync(f))
  if (!file) {
    console.warn(`[localcloud] seed "${name}" not found (looked for ${path.relative(process.cwd(), base)}.ts); starting without it`)
    return false
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as { default?: SeedFunction; seed?: SeedFunction }
  const run = mod.default ?? mod.seed
  if (typeof run !== 'function') throw new Error(`seed ${file} exports no function (default or seed)`)
  await run(db)
  return true
}
