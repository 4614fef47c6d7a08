import { useDidShow } from '@tarojs/taro'
import { useRef } from 'react'

/**
 * Reloads when she comes back to the page (a tab switch, back from the form); the first show is
 * the mount, which already loads.
 */
export function useReloadOnShow(reload: () => void): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) reload()
    shown.current = true
  })
}
