import { Text, View } from '@tarojs/components'
import { useEffect } from 'react'
import { PHASE_LABELS } from '../../../../domain/live-display'
import { countdownText, countdownTick, startLabel } from '../../../../domain/live-time'
import type { LiveView } from '../../../../domain/live'
import { useNow } from '../../../hooks/useNow'
import './styles'

/**
 * When the live starts and how long until then, ticking; on air, over or cancelled it says so.
 * `onStarted` runs once when the countdown reaches zero on screen (the page reloads the preview).
 */
export function LiveTiming(props: { live: LiveView; onStarted?: () => void }) {
  const { live } = props
  const upcoming = live.phase === 'upcoming'
  const now = useNow(upcoming ? countdownTick(live.startAt, Date.now()) : 0)
  const left = upcoming ? countdownText(live.startAt, now) : ''
  const started = upcoming && !left
  const onStarted = props.onStarted
  useEffect(() => {
    if (started) onStarted?.()
  }, [started, onStarted])

  if (live.phase === 'cancelled') {
    return (
      <View className='l-cancelled' role='alert' data-testid='live-cancelled'>
        <Text>这场直播已取消，原定 {startLabel(live.startAt, now)} 开播。给你带来不便，很抱歉。</Text>
      </View>
    )
  }
  if (live.phase === 'onAir' || started) {
    return (
      <View className='l-countdown l-onair' data-testid='live-countdown'>
        <Text className='l-countdown__label'>🔴</Text>
        <Text className='l-countdown__value'>{started ? '到开播时间啦' : '正在直播'}</Text>
      </View>
    )
  }
  if (!upcoming) {
    return (
      <View className='l-countdown' data-testid='live-countdown'>
        <Text className='l-countdown__label'>{PHASE_LABELS[live.phase]}</Text>
        <Text className='caption'>{startLabel(live.startAt, now)} 开播</Text>
      </View>
    )
  }
  return (
    <View className='l-countdown' data-testid='live-countdown'>
      <Text className='l-countdown__label'>距开播</Text>
      <Text className='l-countdown__value'>{left}</Text>
    </View>
  )
}
