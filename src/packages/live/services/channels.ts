// WeChat Channels (视频号) reservation for a live that names its Channels account. Weapp only: the
// notice is looked up when the preview opens, so the tap itself either reserves at once or asks for
// the subscribe reminder as its first call (WeChat shows that prompt only straight from a tap).
import Taro from '@tarojs/taro'
import { useEffect, useState } from 'react'

interface NoticeInfo {
  /** WeChat's documented name; Taro's typings call it nonceId */
  noticeId?: string
  nonceId?: string
  status?: number | string
  reservable?: boolean
}

/** The notice to reserve: only one that is live (status 0) and open to reservation. */
export function reservableNoticeId(info: unknown): string | undefined {
  const i = (info ?? {}) as NoticeInfo
  if (Number(i.status) !== 0 || i.reservable === false) return undefined
  return i.noticeId || i.nonceId || undefined
}

const canReserve = () => process.env.TARO_ENV === 'weapp' && Taro.canIUse('getChannelsLiveNoticeInfo') && Taro.canIUse('reserveChannelsLive')

/** The reservable notice of the account, once known; undefined on H5, older clients or without one. */
export function useChannelsNotice(finderUserName?: string): string | undefined {
  const [noticeId, setNoticeId] = useState<string>()
  useEffect(() => {
    if (!finderUserName || !canReserve()) return undefined
    let alive = true
    Taro.getChannelsLiveNoticeInfo({ finderUserName }).then(
      (info) => alive && setNoticeId(reservableNoticeId(info)),
      () => alive && setNoticeId(undefined),
    )
    return () => {
      alive = false
    }
  }, [finderUserName])
  return noticeId
}

/** Opens WeChat's own reservation sheet; it answers nothing (no promise style). */
export function reserveChannelsLive(noticeId: string): void {
  Taro.reserveChannelsLive({ noticeId })
}
