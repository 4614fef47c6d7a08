// Page-by-page reads shared by the collection modules: one count plus one ordered slice.
import type { Database } from '../cloud'

export interface PageRequest {
  page: number
  pageSize: number
}

export interface PageResult<T> {
  items: T[]
  total: number
}

type Query = ReturnType<ReturnType<Database['collection']>['where']>

export async function readPage<T>(query: Query, order: [field: string, dir: 'asc' | 'desc'][], { page, pageSize }: PageRequest): Promise<PageResult<T>> {
  let ordered = query
  for (const [field, dir] of order) ordered = ordered.orderBy(field, dir)
  const [countRes, pageRes] = await Promise.all([
    query.count() as Promise<{ total: number }>,
    ordered.skip((page - 1) * pageSize).limit(pageSize).get() as unknown as Promise<{ data: T[] }>,
  ])
  return { items: pageRes.data, total: countRes.total }
}

/** One document by `_id`, or null when there is none (a query, so a miss is not an error). */
export async function findById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as unknown as { data: T[] }
  return res.data[0] ?? null
}
