// Where a member's personal data lives, so "export my data" and "delete my account" (PIPL) reach all
// of it. A feature that stores something about a mother registers its collection here.
import type { Database } from './cloud'
import { isMissingCollection } from './db-errors'

export interface PersonalDataSite {
  collection: string
  /** the field holding her openid */
  field: string
  /** remove her documents, or keep them with the link to her cut (orders: accounting needs them) */
  onDelete: 'remove' | 'anonymise'
}

export const PERSONAL_DATA: PersonalDataSite[] = [
  { collection: 'diaries', field: 'openid', onDelete: 'remove' },
  { collection: 'questions', field: 'askedBy', onDelete: 'remove' },
  { collection: 'likes', field: 'openid', onDelete: 'remove' },
]

export const ANONYMOUS = 'deleted-user'

const PAGE = 100
const MAX_PER_COLLECTION = 5000

async function* pagesOf(db: Database, site: PersonalDataSite, openid: string): AsyncGenerator<Record<string, unknown>[]> {
  for (let skip = 0; skip < MAX_PER_COLLECTION; skip += PAGE) {
    let data: Record<string, unknown>[]
    try {
      const res = (await db.collection(site.collection).where({ [site.field]: openid }).orderBy('_id', 'asc').skip(skip).limit(PAGE).get()) as { data: Record<string, unknown>[] }
      data = res.data
    } catch (e) {
      if (isMissingCollection(e)) return // the feature has stored nothing yet
      throw e
    }
    if (data.length === 0) return
    yield data
    if (data.length < PAGE) return
  }
}

export async function collectPersonalData(db: Database, openid: string, sites = PERSONAL_DATA): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {}
  for (const site of sites) {
    const docs: Record<string, unknown>[] = []
    for await (const page of pagesOf(db, site, openid)) docs.push(...page)
    out[site.collection] = docs
  }
  return out
}

export async function erasePersonalData(db: Database, openid: string, sites = PERSONAL_DATA): Promise<void> {
  for (const site of sites) {
    try {
      const where = db.collection(site.collection).where({ [site.field]: openid })
      if (site.onDelete === 'remove') await where.remove()
      else await where.update({ data: { [site.field]: ANONYMOUS } })
    } catch (e) {
      if (!isMissingCollection(e)) throw e
    }
  }
}
