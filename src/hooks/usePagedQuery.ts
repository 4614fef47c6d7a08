import { useCallback, useEffect, useRef, useState } from 'react'
import type { Page } from '../../domain/member'
import { toCloudError, type CloudError } from '../services/cloud'

export interface PagedQuery<T> {
  items: T[]
  total: number
  loading: boolean
  loadingMore: boolean
  error?: CloudError
  hasMore: boolean
  loadMore: () => void
  reload: () => void
  /** drops an item locally (an optimistic removal); `restore` puts it back where it was */
  remove: (key: string) => { restore: () => void }
  update: (key: string, patch: Partial<T>) => void
}

/**
 * A list loaded page by page. "Load more" asks for the page that holds the next unseen position
 * and merges by key, so items removed locally (decided applicants) never make it skip anyone.
 */
export function usePagedQuery<T>(
  load: (page: number, pageSize: number) => Promise<Page<T>>,
  keyOf: (item: T) => string,
  deps: readonly unknown[] = [],
  pageSize = 20,
): PagedQuery<T> {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CloudError>()
  const [version, setVersion] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const keyRef = useRef(keyOf)
  keyRef.current = keyOf
  const itemsRef = useRef(items)
  itemsRef.current = items
  const generation = useRef(0)
  const moreBusy = useRef(false)

  useEffect(() => {
    const mine = ++generation.current
    setLoading(true)
    setError(undefined)
    loadRef.current(1, pageSize).then(
      (page) => {
        if (mine !== generation.current) return
        setItems(page.items)
        setTotal(page.total)
        setLoading(false)
      },
      (e: unknown) => {
        if (mine !== generation.current) return
        setError(toCloudError(e))
        setLoading(false)
      },
    )
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, pageSize, ...deps])

  const loadMore = useCallback(() => {
    if (moreBusy.current) return
    moreBusy.current = true
    const mine = generation.current
    const next = Math.floor(itemsRef.current.length / pageSize) + 1
    setLoadingMore(true)
    setError(undefined)
    loadRef.current(next, pageSize)
      .then(
        (page) => {
          if (mine !== generation.current) return
          setItems((current) => {
            const seen = new Set(current.map((i) => keyRef.current(i)))
            return [...current, ...page.items.filter((i) => !seen.has(keyRef.current(i)))]
          })
          setTotal(page.total)
        },
        (e: unknown) => {
          if (mine === generation.current) setError(toCloudError(e))
        },
      )
      .finally(() => {
        moreBusy.current = false
        setLoadingMore(false)
      })
  }, [pageSize])

  const reload = useCallback(() => setVersion((v) => v + 1), [])

  const remove = useCallback((key: string) => {
    const index = itemsRef.current.findIndex((i) => keyRef.current(i) === key)
    const removed = index >= 0 ? itemsRef.current[index] : undefined
    if (removed === undefined) return { restore: () => undefined }
    setItems((current) => current.filter((i) => keyRef.current(i) !== key))
    setTotal((t) => Math.max(0, t - 1))
    return {
      restore: () => {
        setItems((current) => {
          if (current.some((i) => keyRef.current(i) === key)) return current
          const copy = current.slice()
          copy.splice(Math.min(index, copy.length), 0, removed)
          return copy
        })
        setTotal((t) => t + 1)
      },
    }
  }, [])

  const update = useCallback((key: string, patch: Partial<T>) => {
    setItems((current) => current.map((i) => (keyRef.current(i) === key ? { ...i, ...patch } : i)))
  }, [])

  return { items, total, loading, loadingMore, error, hasMore: items.length < total, loadMore, reload, remove, update }
}
