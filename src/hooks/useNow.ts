import { useEffect, useState } from 'react'

/** The time now, redrawn every `periodMs` (a countdown's tick); 0 or less stands still. */
export function useNow(periodMs: number): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (periodMs <= 0) return undefined
    setNow(Date.now())
    const timer = setInterval(() => setNow(Date.now()), periodMs)
    return () => clearInterval(timer)
  }, [periodMs])
  return now
}
