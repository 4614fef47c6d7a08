import Taro from '@tarojs/taro'
import { Text, Video, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import type { LiveView } from '../../../../domain/live'
import { Button, Card } from '../../../components/ui'
import { openLink } from '../../../services/platform'
import { photoSrc } from '../../../services/storage'
import './styles'

/** A replay kept in cloud storage plays in place (H5 needs its temporary URL first). */
function CloudVideo(props: { fileID: string }) {
  const [src, setSrc] = useState('')
  useEffect(() => {
    let alive = true
    photoSrc(props.fileID).then((s) => alive && setSrc(s), () => undefined)
    return () => {
      alive = false
    }
  }, [props.fileID])
  return src ? <Video className='l-cover' src={src} controls /> : <View className='l-cover' />
}

/** After the live: the replay and what the host showed, in place of the countdown and the questions box. */
export function AfterLive(props: { live: LiveView }) {
  const { replayUrl, highlights } = props.live
  if (!replayUrl && !highlights?.length) {
    return (
      <Card title='直播回放'>
        <Text className='muted'>直播已结束，回放整理好后会放在这里</Text>
      </Card>
    )
  }
  async function openReplay(url: string) {
    // weapp opens no outside web page: the link goes to the clipboard for her browser
    if ((await openLink(url)) === 'clipboard') await Taro.showToast({ title: '回放链接已复制，请在浏览器打开', icon: 'none' })
  }
  return (
    <Card title='直播回放'>
      {replayUrl?.startsWith('cloud://') ? <CloudVideo fileID={replayUrl} /> : null}
      {replayUrl && !replayUrl.startsWith('cloud://') ? (
        <Button block testId='live-replay' onClick={() => void openReplay(replayUrl)}>
          ▶ 看回放
        </Button>
      ) : null}
      {highlights?.length ? (
        <View className='l-group' data-testid='live-highlights'>
          <Text className='l-group__label'>精彩片段</Text>
          {highlights.map((h, i) => (
            <View key={`${i}-${h}`} className='l-highlight'>
              <Text className='l-highlight__dot'>●</Text>
              <Text>{h}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </Card>
  )
}
