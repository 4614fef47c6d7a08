// Operator-maintained settings (one document per topic), edited in the cloud console.
import type { Database } from '../cloud'

export const SETTINGS = 'settings'

export interface LandingSettings {
  _id: 'landing'
  guide?: { title: string; fileID: string }
}

export async function readSetting<T>(db: Database, id: string): Promise<T | null> {
  const res = (await db.collection(SETTINGS).where({ _id: id }).limit(1).get()) as unknown as { data: T[] }
  return res.data[0] ?? null
}
