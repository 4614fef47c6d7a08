// Page-by-page reads shared by the collection modules: one count plus one ordered slice.
import type { Database } from '../cloud'
import type { Page } from '../../domain/member'

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

/** The page an action answers: stored records turned into views, with the request's paging. */
export function toPage<R, V>(result: PageResult<R>, request: PageRequest, view: (record: R) => V): Page<V> {
  return { items: result.items.map(view), total: result.total, page: request.page, pageSize: request.pageSize }
}
