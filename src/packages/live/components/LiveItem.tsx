import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PHASE_LABELS } from '../../../../domain/live-display'
import { countdownText, countdownTick, startLabel } from '../../../../domain/live-time'
import type { LiveView } from '../../../../domain/live'
import { CloudImage } from '../../../components/content/CloudImage'
import { liveDetail } from '../../../components/live/entries'
import { Card, Tag } from '../../../components/ui'
import { useNow } from '../../../hooks/useNow'
import './styles'

/** One live in the list: cover, title, when and where; upcoming ones count down, past ones offer the replay. */
export function LiveItem(props: { live: LiveView }) {
  const { live } = props
  const now = useNow(live.phase === 'upcoming' ? countdownTick(live.startAt, Date.now()) : 0)
  const left = live.phase === 'upcoming' ? countdownText(live.startAt, now) : ''
  const over = live.phase === 'ended' || live.phase === 'finished'
  return (
    <Card>
      <View className='l-item' role='link' data-testid={`live-item-${live.id}`} onClick={() => void Taro.navigateTo({ url: liveDetail(live.id) })}>
        {live.coverFileID ? <CloudImage className='l-item__cover' fileID={live.coverFileID} alt={live.title} /> : <View className='l-item__cover' />}
        <View className='l-item__body'>
          <Text className='l-item__title'>{live.title}</Text>
          <Text className='caption'>{`${startLabel(live.startAt, now)} · ${live.sceneLabel} · ${live.host.name}`}</Text>
          <View className='row wrap l-item__tags'>
            {live.phase === 'onAir' ? <Tag>🔴 直播中</Tag> : null}
            {live.phase === 'cancelled' ? <Tag tone='neutral'>{PHASE_LABELS.cancelled}</Tag> : null}
            {over ? live.replayUrl ? <Tag tone='trust'>▶ 回放</Tag> : <Tag tone='neutral'>{PHASE_LABELS[live.phase]}</Tag> : null}
          </View>
          {live.phase === 'upcoming' ? <Text className='l-item__count'>{left ? `距开播 ${left}` : '即将开播'}</Text> : null}
        </View>
      </View>
    </Card>
  )
}
