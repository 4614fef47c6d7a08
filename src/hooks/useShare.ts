import { useShareAppMessage, useShareTimeline } from '@tarojs/taro'
import { useRef } from 'react'
import { LANDING_SHARE, timelineOf, type ShareContent } from '../services/share'

/**
 * The page's share: `pick` answers what a share button (its `data-share` key) or the menu shares.
 * Needs `enableShareAppMessage` / `enableShareTimeline` in the page config.
 */
export function useShare(pick: (key?: string) => ShareContent | undefined): void {
  const latest = useRef(pick)
  latest.current = pick
  const current = (key?: string) => latest.current(key) ?? LANDING_SHARE
  useShareAppMessage((res) => {
    const key = (res.target as { dataset?: { share?: string } } | undefined)?.dataset?.share
    return current(res.from === 'button' ? key : undefined)
  })
  useShareTimeline(() => timelineOf(current()))
}
