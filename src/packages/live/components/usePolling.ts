import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/** Runs `fn` every `periodMs` while `enabled` and the page is on screen (not behind another page or the app in the background). */
export function usePolling(fn: () => void, periodMs: number, enabled: boolean): void {
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    if (!enabled || !visible) return undefined
    const timer = setInterval(() => latest.current(), periodMs)
    return () => clearInterval(timer)
  }, [enabled, visible, periodMs])
}
