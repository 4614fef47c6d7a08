import { useCallback, useEffect, useRef, useState } from 'react'
import type { LiveQuestionStaffView, LiveQuestionState } from '../../../../../domain/live'
import { usePolling } from '../../../../hooks/usePolling'
import { toCloudError, type CloudError } from '../../../../services/cloud'
import { fetchLiveQuestions } from '../../../../services/live'

/**
 * How often the curation console asks for new questions while it is on screen. A host reads
 * questions out within seconds of their arrival; every 5 s keeps the queue live for one or two calls
 * a poll (the tab's list, plus the count of new questions when another tab is open): about 0.3 calls
 * a second for each open console, far inside the functions' quota. Polling stops while the page is
 * hidden (another page on top, the app in the background, an H5 tab in the back).
 */
export const LIVE_QA_POLL_MS = 5_000

const PAGE_SIZE = 20

export interface LiveQuestions {
  items: LiveQuestionStaffView[]
  total: number
  /** new questions waiting, whichever tab is open (null until first counted) */
  newCount: number | null
  loading: boolean
  /** a refresh (a poll or a pull) is on its way */
  refreshing: boolean
  loadingMore: boolean
  /** the last refresh failed; the list on screen is the last good one */
  error?: CloudError
  hasMore: boolean
  refresh: () => void
  loadMore: () => void
  /** takes a question off this list while its curation is in flight; `settle` when it has landed */
  hold: (id: string) => { settle: () => void; restore: () => void }
}

/**
 * One live's questions in one state, oldest first, refreshed every LIVE_QA_POLL_MS while the page is
 * visible. A refresh re-reads the pages already shown and swaps the items in place (same keys), so
 * the list does not jump, and what she is typing (kept by the page, by question) stays put.
 * `poll: false` (a live that takes no more questions) loads once and on a pull.
 */
export function useLiveQuestions(liveId: string, state: LiveQuestionState, options: { poll: boolean } = { poll: true }): LiveQuestions {
  const [items, setItems] = useState<LiveQuestionStaffView[]>([])
  const [total, setTotal] = useState(0)
  const [newCount, setNewCount] = useState<number | null>(null)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [refreshing, setRefreshing] = useState(false)
  const [error, setError] = useState<CloudError>()
  const pages = useRef(1)
  const generation = useRef(0)
  const inFlight = useRef(false)
  // questions being curated right now: a poll that lands meanwhile must not bring them back
  const held = useRef(new Set<string>())

  const refresh = useCallback(() => {
    if (inFlight.current) return
    inFlight.current = true
    setRefreshing(true)
    const mine = generation.current
    const load = fetchLiveQuestions(liveId, state)
    const reads = Array.from({ length: pages.current }, (_, i) => load(i + 1, PAGE_SIZE))
    const counting = state === 'new' ? undefined : fetchLiveQuestions(liveId, 'new')(1, 1)
    Promise.all([Promise.all(reads), counting])
      .then(
        ([read, news]) => {
          if (mine !== generation.current) return
          const seen = new Set<string>()
          const next = read.flatMap((p) => p.items).filter((q) => !seen.has(q.id) && !held.current.has(q.id) && seen.add(q.id))
          setItems(next)
          const count = read[0]?.total ?? 0
          setTotal(count)
          setNewCount(state === 'new' ? count : (news?.total ?? null))
          setError(undefined)
        },
        (e: unknown) => {
          if (mine === generation.current) setError(toCloudError(e))
        },
      )
      .finally(() => {
        if (mine !== generation.current) return
        inFlight.current = false
        setRefreshing(false)
        setLoading(false)
      })
  }, [liveId, state])

  // a new tab starts from its first page
  useEffect(() => {
    generation.current++
    inFlight.current = false
    pages.current = 1
    setItems([])
    setTotal(0)
    setLoading(true)
    setError(undefined)
    refresh()
  }, [refresh])

  usePolling(refresh, LIVE_QA_POLL_MS, options.poll)

  const loadMore = useCallback(() => {
    if (loadingMore) return
    const mine = generation.current
    const next = pages.current + 1
    setLoadingMore(true)
    fetchLiveQuestions(liveId, state)(next, PAGE_SIZE)
      .then(
        (page) => {
          if (mine !== generation.current) return
          pages.current = next
          setItems((current) => {
            const seen = new Set(current.map((q) => q.id))
            return [...current, ...page.items.filter((q) => !seen.has(q.id) && !held.current.has(q.id))]
          })
          setTotal(page.total)
        },
        (e: unknown) => {
          if (mine === generation.current) setError(toCloudError(e))
        },
      )
      .finally(() => setLoadingMore(false))
  }, [liveId, state, loadingMore])

  const hold = useCallback((id: string) => {
    held.current.add(id)
    const index = items.findIndex((q) => q.id === id)
    const removed = items[index]
    setItems((current) => current.filter((q) => q.id !== id))
    setTotal((t) => Math.max(0, t - 1))
    if (state === 'new') setNewCount((n) => (n === null ? n : Math.max(0, n - 1)))
    return {
      settle: () => {
        held.current.delete(id)
        // a poll that left before the change landed would show the question back in its old state
        generation.current++
        inFlight.current = false
        setRefreshing(false)
      },
      restore: () => {
        held.current.delete(id)
        if (!removed) return
        setItems((current) => {
          if (current.some((q) => q.id === id)) return current
          const copy = current.slice()
          copy.splice(Math.min(index, copy.length), 0, removed)
          return copy
        })
        setTotal((t) => t + 1)
        if (state === 'new') setNewCount((n) => (n === null ? n : n + 1))
      },
    }
  }, [items, state])

  return { items, total, newCount, loading, refreshing, loadingMore, error, hasMore: items.length < total, refresh, loadMore, hold }
}
