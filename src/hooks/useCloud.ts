import { useCallback, useEffect, useRef, useState } from 'react'
import { toCloudError, type CloudError } from '../services/cloud'

export interface CloudQuery<T> {
  data?: T
  error?: CloudError
  loading: boolean
  reload: () => void
}

/** Loads once on mount (and on reload); keeps the last good data while reloading. */
export function useCloudQuery<T>(load: () => Promise<T>, deps: readonly unknown[] = []): CloudQuery<T> {
  const [state, setState] = useState<{ data?: T; error?: CloudError; loading: boolean }>({ loading: true })
  const [version, setVersion] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    let alive = true
    setState((s) => ({ data: s.data, loading: true }))
    loadRef.current().then(
      (data) => alive && setState({ data, loading: false }),
      (e: unknown) => {
        const error = toCloudError(e)
        if (alive) setState((s) => ({ data: s.data, error, loading: false }))
      },
    )
    return () => {
      alive = false
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [version, ...deps])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { ...state, reload }
}
