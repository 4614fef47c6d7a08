import { useCallback, useRef, useState } from 'react'

/**
 * Wraps a tap handler so it runs once at a time: a second tap while the first is in flight is
 * dropped. The ref, not the state, is the guard — state lags a render behind a fast double tap.
 */
export function useSubmit<A extends unknown[]>(fn: (...args: A) => Promise<void>) {
  const busy = useRef(false)
  const latest = useRef(fn)
  latest.current = fn
  const [submitting, setSubmitting] = useState(false)
  const run = useCallback(async (...args: A) => {
    if (busy.current) return
    busy.current = true
    setSubmitting(true)
    try {
      await latest.current(...args)
    } finally {
      busy.current = false
      setSubmitting(false)
    }
  }, [])
  return { run, submitting }
}
