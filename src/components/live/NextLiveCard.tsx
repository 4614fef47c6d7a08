import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { countdownText, countdownTick, startLabel } from '../../../domain/live-time'
import type { LiveView } from '../../../domain/live'
import { useNow } from '../../hooks/useNow'
import { call } from '../../services/cloud'
import { Card } from '../ui'
import { LIVE_LIST, liveDetail } from './entries'
import '../content/styles'
import './live-home.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

/**
 * `live.list` for the home card. Called here rather than through services/live.ts: that client
 * (reminders, questions, the leaders' actions) would come into the main package with it.
 */
export const fetchHomeLives = () => call('live', 'list', {})

/**
 * Home: the next live (title, when, scene, a running countdown), one tap from its preview. With
 * none coming, a quiet link to the past ones; nothing at all when there are none, or when the list
 * failed to load (the feed below matters more than an error here).
 */
export function NextLiveCard(props: { lives?: { upcoming: LiveView[]; recent: LiveView[] } }) {
  const next = props.lives?.upcoming[0]
  const now = useNow(next && next.phase === 'upcoming' ? countdownTick(next.startAt, Date.now()) : 0)
  if (!next) {
    if (!props.lives?.recent.length) return null
    return (
      <Card>
        <View className='row-between' role='link' data-testid='live-list-entry' onClick={go(LIVE_LIST)}>
          <Text className='title'>📺 往期直播</Text>
          <Text className='muted c-entry__go'>看回放 ›</Text>
        </View>
      </Card>
    )
  }
  const left = countdownText(next.startAt, now)
  const status = next.phase === 'onAir' ? '直播中' : left ? `还有 ${left}` : '即将开播'
  return (
    <Card className='lh-card'>
      <View role='link' data-testid='next-live' onClick={go(liveDetail(next.id))}>
        <View className='row-between'>
          <Text className='lh-kicker'>📺 直播预告</Text>
          <Text className={`lh-status${next.phase === 'onAir' ? ' lh-status--live' : ''}`} data-testid='next-live-countdown'>
            {status}
          </Text>
        </View>
        <Text className='lh-title'>{next.title}</Text>
        <Text className='caption'>{`${startLabel(next.startAt, now)} 开播 · ${next.sceneLabel}直播 · ${next.host.name}`}</Text>
      </View>
      <View className='row-between lh-more' role='link' onClick={go(LIVE_LIST)}>
        <Text className='caption'>主播、证据、提醒和提问都在预告里</Text>
        <Text className='muted c-entry__go'>全部直播 ›</Text>
      </View>
    </Card>
  )
}
