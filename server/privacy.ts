// Where a person's data lives, so "export my data" and "delete my account" (PIPL) reach all of it.
// Every field that names a person (holds an openid) is listed here: her own records, and the
// references staff leave on others' records (who published, answered, reviewed). A test stores
// through every create action and fails when a field holding an openid is missing from this list.
import type { Database } from './cloud'
import { isMissingCollection } from './db-errors'

export interface PersonalDataSite {
  collection: string
  /** the field holding her openid (an array field for `pull`) */
  field: string
  /**
   * remove: her documents go; anonymise: the documents stay (others' records, accounting) with the
   * link to her replaced; pull: she is taken out of a list; profile: her `members` record, removed
   * last so a retry after a failure still finds her and finishes the job
   */
  onDelete: 'remove' | 'anonymise' | 'pull' | 'profile'
  /** fields exported when the documents also hold other people's data; absent = the whole document */
  exportFields?: string[]
  /** false for an internal guard whose facts are exported from another site (erased all the same) */
  exported?: false
}

export const PERSONAL_DATA: PersonalDataSite[] = [
  { collection: 'members', field: '_id', onDelete: 'profile' },
  // an applicant's record names the leader who decided it: the leader sees when, not whom
  { collection: 'members', field: 'reviewedBy', onDelete: 'anonymise', exportFields: ['reviewedAt', 'status'] },
  { collection: 'settings', field: 'openids', onDelete: 'pull', exportFields: ['_id'] },
  { collection: 'diaries', field: 'openid', onDelete: 'remove', exportFields: ['_id', 'authorName', 'text', 'photoFileID', 'contestId', 'likeCount', 'rankedLikes', 'createdAt'] },
  { collection: 'questions', field: 'askedBy', onDelete: 'remove', exportFields: ['_id', 'question', 'askedAt', 'answered', 'answer', 'answeredAt'] },
  { collection: 'questions', field: 'answeredBy', onDelete: 'anonymise', exportFields: ['_id', 'question', 'answer', 'answeredAt'] },
  // removed with their counts taken back first (server/collections/likes.ts unlikeAll)
  { collection: 'likes', field: 'openid', onDelete: 'remove' },
  // the diaries' once-only like guard (her likes are exported from `likes`); unlikeAll has
  // already taken her out with her count
  { collection: 'diaries', field: 'likers', onDelete: 'pull', exported: false },
  { collection: 'posts', field: 'authorOpenid', onDelete: 'anonymise' },
  { collection: 'contests', field: 'createdBy', onDelete: 'anonymise' },
  { collection: 'rateLimits', field: 'openid', onDelete: 'remove' },
  // live: her questions go; a leader's curation mark and the lives and batches she created stay
  { collection: 'liveQuestions', field: 'askedBy', onDelete: 'remove', exportFields: ['_id', 'liveId', 'question', 'askedAt', 'state', 'answer', 'answeredAt'] },
  { collection: 'liveQuestions', field: 'curatedBy', onDelete: 'anonymise', exportFields: ['_id', 'liveId', 'state', 'curatedAt'] },
  { collection: 'lives', field: 'createdBy', onDelete: 'anonymise', exportFields: ['_id', 'title', 'startAt', 'createdAt'] },
  { collection: 'liveReminders', field: 'openid', onDelete: 'remove' },
  { collection: 'consents', field: 'openid', onDelete: 'remove' },
  // the outbox of live messages: what was sent to her, and when
  { collection: 'liveNotices', field: 'openid', onDelete: 'remove' },
  { collection: 'traceBatches', field: 'createdBy', onDelete: 'anonymise', exportFields: ['_id', 'batchNo', 'createdAt'] },
  { collection: 'traceImports', field: 'by', onDelete: 'anonymise', exportFields: ['_id', 'batchId', 'createdAt'] },
  // the codes she looked up: exported to her alone; a lookup answers only counts, never who
  { collection: 'traceQueries', field: 'openid', onDelete: 'remove', exportFields: ['_id', 'code', 'firstAt'] },
  // chains: the chains a leader created stay; a mother's entries (name, address, note) go. What she
  // held stays counted on the chain under a key that names nobody (the sale happened)
  { collection: 'chains', field: 'createdBy', onDelete: 'anonymise', exportFields: ['_id', 'title', 'createdAt'] },
  { collection: 'chainEntries', field: 'openid', onDelete: 'remove', exportFields: ['_id', 'chainId', 'name', 'joinedAt', 'address', 'note', 'cancelledAt', 'shippedAt', 'courier', 'trackingNo', 'deliveredAt'] },
]

export const ANONYMOUS = 'deleted-user'

const PAGE = 100
const MAX_PER_COLLECTION = 5000

/** Only the listed fields; `_id` too only when listed (on `members` it is another person's openid). */
function projectionOf(fields: string[]): Record<string, boolean> {
  return { _id: fields.includes('_id'), ...Object.fromEntries(fields.map((f) => [f, true])) }
}

async function* pagesOf(db: Database, site: PersonalDataSite, openid: string): AsyncGenerator<Record<string, unknown>[]> {
  for (let skip = 0; skip < MAX_PER_COLLECTION; skip += PAGE) {
    let data: Record<string, unknown>[]
    try {
      let query = db.collection(site.collection).where({ [site.field]: openid })
      if (site.exportFields) query = query.field(projectionOf(site.exportFields))
      const res = (await query.orderBy('_id', 'asc').skip(skip).limit(PAGE).get()) as { data: Record<string, unknown>[] }
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

/** Everything but her profile (answered separately), by collection; a document found twice is listed once. */
export async function collectPersonalData(db: Database, openid: string, sites = PERSONAL_DATA): Promise<Record<string, Record<string, unknown>[]>> {
  const out: Record<string, Record<string, unknown>[]> = {}
  for (const site of sites) {
    if (site.onDelete === 'profile' || site.exported === false) continue
    const docs = (out[site.collection] ??= [])
    for await (const page of pagesOf(db, site, openid)) {
      for (const doc of page) if (doc._id === undefined || !docs.some((d) => d._id === doc._id)) docs.push(doc)
    }
  }
  return out
}

/** Erases or anonymises every site; her profile last. Each step is idempotent, so a retry finishes the job. */
export async function erasePersonalData(db: Database, openid: string, sites = PERSONAL_DATA): Promise<void> {
  const ordered = [...sites.filter((s) => s.onDelete !== 'profile'), ...sites.filter((s) => s.onDelete === 'profile')]
  const _ = db.command
  for (const site of ordered) {
    try {
      const where = db.collection(site.collection).where({ [site.field]: openid })
      if (site.onDelete === 'remove' || site.onDelete === 'profile') await where.remove()
      else if (site.onDelete === 'pull') await where.update({ data: { [site.field]: _.pull(openid) } })
      else await where.update({ data: { [site.field]: ANONYMOUS } })
    } catch (e) {
      if (!isMissingCollection(e)) throw e
    }
  }
}
