import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { LiveDetailView } from '../../../../domain/live'
import { messageOf } from '../../../components/content/errors'
import { Button } from '../../../components/ui'
import { useSubmit } from '../../../hooks/useSubmit'
import { remindMe } from '../../../services/live'
import { reserveChannelsLive, useChannelsNotice } from '../services/channels'
import { rememberReminded, remindedOf, type Reminded } from '../services/reminded'
import './styles'

const toast = (title: string) => Taro.showToast({ title, icon: 'none' })

/**
 * 提醒我. With a Channels account whose live notice can be reserved (weapp), the tap opens WeChat's
 * reservation; otherwise it asks for the subscribe reminder — that prompt must be the tap's first
 * call, which is why the notice was looked up before the tap. Hidden once the reminder went out.
 */
export function RemindButton(props: { live: LiveDetailView }) {
  const { live } = props
  const [done, setDone] = useState<Reminded | undefined>(() => remindedOf(live.id) ?? (live.reminded ? 'reminded' : undefined))
  const noticeId = useChannelsNotice(live.finderUserName)
  const mark = (how: Reminded) => {
    rememberReminded(live.id, how)
    setDone(how)
  }
  const tap = useSubmit(async () => {
    if (noticeId) {
      reserveChannelsLive(noticeId)
      mark('reserved')
      return
    }
    try {
      const res = await remindMe(live.id)
      if (!res) {
        await toast('允许「直播提醒」通知后，开播前才能提醒你')
        return
      }
      mark('reminded')
      await toast(res.reminded ? '已设置，开播前 10 分钟提醒你' : '已记录，下次直播预告会通知你')
    } catch (e) {
      await toast(messageOf(e))
    }
  })
  if (live.phase !== 'upcoming' || (!live.remindable && !done)) return null
  return (
    <View>
      <Button block variant={done ? 'secondary' : 'primary'} disabled={Boolean(done)} loading={tap.submitting} testId='remind-me' onClick={() => void tap.run()}>
        {done ? '✓ 已提醒' : noticeId ? '🔔 预约直播' : '🔔 提醒我'}
      </Button>
      <Text className='caption l-remind-note'>
        {done === 'reserved' ? '已在视频号预约，开播时微信会提醒你' : done ? '开播前 10 分钟会通过微信服务通知提醒你' : '开播前 10 分钟通过微信服务通知提醒你'}
      </Text>
    </View>
  )
}
