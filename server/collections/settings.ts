// Operator-maintained settings (one document per topic), edited in the cloud console.
import type { Database } from '../cloud'
import { findById, insertIfAbsent } from './documents'

export const SETTINGS = 'settings'

export interface LandingSettings {
  _id: 'landing'
  guide?: { title: string; fileID: string }
}

export const readSetting = <T>(db: Database, id: string) => findById<T>(db, SETTINGS, id)

/**
 * Names of the tags leaders have typed (`settings/tagNames`), so `member.tagsInUse` knows which
 * tags to count without scanning members. Only ever grows: a name nobody carries any more is
 * counted 0 and left out of the answer. Adding is one atomic `addToSet`, safe beside any other write.
 */
export const TAG_NAMES_ID = 'tagNames'

export interface TagNames {
  _id: typeof TAG_NAMES_ID
  manual: string[]
}

export async function rememberTagNames(db: Database, names: readonly string[]): Promise<void> {
  if (names.length === 0) return
  const _ = db.command
  const doc = db.collection(SETTINGS).doc(TAG_NAMES_ID)
  const res = (await doc.update({ data: { manual: _.addToSet({ $each: [...names] }) } })) as { stats: { updated: number } }
  if (res.stats.updated > 0) return
  // first name ever, or nothing new: create it if missing (a racing creator loses on `_id`), then add
  if (await insertIfAbsent<TagNames>(db, SETTINGS, { _id: TAG_NAMES_ID, manual: [...new Set(names)] })) return
  await doc.update({ data: { manual: _.addToSet({ $each: [...names] }) } })
}

export async function readTagNames(db: Database): Promise<string[]> {
  return (await readSetting<TagNames>(db, TAG_NAMES_ID))?.manual ?? []
}
