// The collection manifest: every collection and index the app needs, declared once. localcloud
// creates them at startup; docs/DATA.md tells operators to create the same in the real console.
//
// Shape (domain/collections.manifest.json):
//   { "collections": [ { "name": "members",
//                        "indexes": [ { "name": "status_1", "keys": { "status": 1 }, "unique": false } ] } ] }
// `keys` maps a field path (dotted for nested fields) to 1 or -1; `unique` defaults to false.
import fs from 'node:fs'
import path from 'node:path'
import type { CollectionSpec, IndexSpec } from './store'

export interface Manifest {
  collections: CollectionSpec[]
}

export const DEFAULT_MANIFEST_PATH = path.resolve(__dirname, '..', 'domain', 'collections.manifest.json')

export function loadManifest(file = DEFAULT_MANIFEST_PATH): Manifest {
  if (!fs.existsSync(file)) return { collections: [] }
  let raw: unknown
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'))
  } catch (err) {
    throw new Error(`manifest ${file} is not valid JSON: ${(err as Error).message}`)
  }
  return parseManifest(raw, file)
}

export function parseManifest(raw: unknown, source = 'manifest'): Manifest {
  const fail = (what: string): never => {
    throw new Error(`${source}: ${what}`)
  }
  if (!raw || typeof raw !== 'object' || !Array.isArray((raw as Manifest).collections)) fail('expected { "collections": [...] }')
  const seen = new Set<string>()
  const collections = (raw as { collections: unknown[] }).collections.map((c, i): CollectionSpec => {
    const { name, indexes = [] } = (c ?? {}) as { name?: unknown; indexes?: unknown }
    if (typeof name !== 'string' || !name) return fail(`collections[${i}].name must be a non-empty string`)
    if (seen.has(name)) fail(`collection ${name} is declared twice`)
    seen.add(name)
    if (!Array.isArray(indexes)) return fail(`${name}.indexes must be an array`)
    return {
      name,
      indexes: indexes.map((ix, j): IndexSpec => {
        const { name: ixName, keys, unique } = (ix ?? {}) as { name?: unknown; keys?: unknown; unique?: unknown }
        if (typeof ixName !== 'string' || !ixName) return fail(`${name}.indexes[${j}].name must be a non-empty string`)
        if (!keys || typeof keys !== 'object' || Object.keys(keys).length === 0) return fail(`${name}.${ixName}.keys must name at least one field`)
        for (const [field, dir] of Object.entries(keys)) {
          if (dir !== 1 && dir !== -1) fail(`${name}.${ixName}.keys.${field} must be 1 or -1`)
        }
        return { name: ixName, keys: keys as Record<string, 1 | -1>, unique: unique === true }
      }),
    }
  })
  return { collections }
}
