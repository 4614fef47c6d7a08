import { useDidHide, useDidShow } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'

/** H5 only: the browser tab hidden or shown (WeChat's page hooks cover the mini-program). */
function onH5Visibility(listener: (visible: boolean) => void): () => void {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return () => undefined
  const handler = () => listener(document.visibilityState === 'visible')
  document.addEventListener('visibilitychange', handler)
  return () => document.removeEventListener('visibilitychange', handler)
}

/**
 * Runs `fn` every `periodMs` while `enabled` and the page is on screen: not behind another page,
 * not with the app in the background, and on H5 not in a hidden browser tab.
 */
export function usePolling(fn: () => void, periodMs: number, enabled: boolean): void {
  const [visible, setVisible] = useState(true)
  useDidShow(() => setVisible(true))
  useDidHide(() => setVisible(false))
  useEffect(() => onH5Visibility(setVisible), [])
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    if (!enabled || !visible) return undefined
    const timer = setInterval(() => latest.current(), periodMs)
    return () => clearInterval(timer)
  }, [enabled, visible, periodMs])
}
