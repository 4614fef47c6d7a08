import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { LivePhase, LiveView } from '../../../../../domain/live'
import { CloudImage } from '../../../../components/content/CloudImage'
import { shortTime } from '../../../../components/content/format'
import { plainTag } from '../../../../components/member/plainTag'
import { Button, Card, Tag } from '../../../../components/ui'
import { useSubmit } from '../../../../hooks/useSubmit'
import { toCloudError } from '../../../../services/cloud'
import { cancelLive } from '../../../../services/live'
import { FinishForm } from './FinishForm'
import './live.css'

const PHASE: Record<LivePhase, { label: string; tone: 'brand' | 'trust' | 'warn' | 'neutral' }> = {
  upcoming: { label: '即将开播', tone: 'brand' },
  onAir: { label: '直播中', tone: 'trust' },
  ended: { label: '已开播，待结束', tone: 'warn' },
  finished: { label: '已结束', tone: 'neutral' },
  cancelled: { label: '已取消', tone: 'neutral' },
}

const go = (url: string) => void Taro.navigateTo({ url })

/** One preview in the leader's list, with what she can do to it in its state. */
export function LiveCard(props: { live: LiveView; onChanged: () => void }) {
  const l = props.live
  const [finishing, setFinishing] = useState(false)
  const phase = PHASE[l.phase]
  const scheduled = l.phase === 'upcoming' || l.phase === 'onAir' || l.phase === 'ended'

  const cancelling = useSubmit(async () => {
    const answer = await Taro.showModal({
      title: `取消「${l.title}」？`,
      content: '取消后妈妈们看不到这场预告，预告和开播提醒都不再发送，不能撤销',
      // WeChat refuses a confirm label longer than 4 Chinese characters
      confirmText: '取消直播',
      cancelText: '再想想',
    })
    if (!answer.confirm) return
    try {
      await cancelLive(l.id)
      await Taro.showToast({ title: '已取消', icon: 'none' })
    } catch (e) {
      const error = toCloudError(e)
      await Taro.showModal({ title: '没有取消', content: error.message, showCancel: false })
    }
    props.onChanged()
  })

  return (
    <Card className='l-live'>
      <View data-testid={`live-${l.id}`}>
        <View className='row'>
          {l.coverFileID ? <CloudImage className='l-live__cover' fileID={l.coverFileID} alt='封面' /> : null}
          <View className='l-live__head'>
            <Text className='title'>{l.title}</Text>
            <View>
              <Tag tone={phase.tone}>{phase.label}</Tag>
              <Tag tone='neutral'>{l.sceneLabel}</Tag>
            </View>
          </View>
        </View>
        <View className='l-live__facts'>
          <Text>{`⏰ ${shortTime(l.startAt)} 开播`}</Text>
          <Text>{`🎙 主播 ${l.host.name}`}</Text>
          <Text>{`🛒 商品 ${l.products.length} 个 · 📑 证据 ${l.evidence.length} 份`}</Text>
          <Text>{l.targetTags.length ? `👥 推送给 ${l.targetTags.map(plainTag).join('、')}` : '👥 推送给全部会员'}</Text>
          {l.finderUserName ? <Text>📺 已关联视频号，妈妈可预约</Text> : null}
          {l.replayUrl ? <Text className='l-live__replay'>{`▶ 回放：${l.replayUrl}`}</Text> : null}
          {l.highlights?.map((h, i) => (
            <Text key={i}>{`✨ ${h}`}</Text>
          ))}
        </View>
        {finishing ? (
          <FinishForm
            live={l}
            onCancel={() => setFinishing(false)}
            onDone={() => {
              setFinishing(false)
              props.onChanged()
            }}
          />
        ) : (
          <View className='l-actions'>
            <Button variant='secondary' onClick={() => go(`/packages/leader/pages/live-qa/index?id=${l.id}`)} testId={`live-qa-${l.id}`}>
              {scheduled ? '问答管理' : '问答记录'}
            </Button>
            {l.phase !== 'cancelled' ? (
              <Button variant='ghost' onClick={() => go(`/packages/leader/pages/live-edit/index?id=${l.id}`)} testId={`live-edit-${l.id}`}>
                编辑
              </Button>
            ) : null}
            {l.phase !== 'cancelled' ? (
              <Button variant='ghost' onClick={() => setFinishing(true)} testId={`live-finish-${l.id}`}>
                {l.phase === 'finished' ? '补充回放' : '结束直播'}
              </Button>
            ) : null}
            {scheduled ? (
              <Button variant='ghost' loading={cancelling.submitting} onClick={() => void cancelling.run()} testId={`live-cancel-${l.id}`}>
                取消直播
              </Button>
            ) : null}
          </View>
        )}
      </View>
    </Card>
  )
}
