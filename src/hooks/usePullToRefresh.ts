import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { useEffect, useRef } from 'react'

/**
 * Pull-to-refresh for a page whose config sets `enablePullDownRefresh`: reloads, and lets the
 * spinner go once the reload has landed (not at once, so she sees it is really fresh).
 */
export function usePullToRefresh(reload: () => void, loading: boolean): void {
  const pulling = useRef(false)
  const sawLoading = useRef(false)
  usePullDownRefresh(() => {
    pulling.current = true
    sawLoading.current = false
    reload()
  })
  useEffect(() => {
    if (!pulling.current) return
    if (loading) sawLoading.current = true
    else if (sawLoading.current) {
      pulling.current = false
      void Taro.stopPullDownRefresh()
    }
  }, [loading])
}
