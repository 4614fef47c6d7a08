import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { LiveView } from '../../../../domain/live'
import { Button, Card } from '../../../components/ui'
import { useSubmit } from '../../../hooks/useSubmit'
import { openLink } from '../../../services/platform'
import { playCloudVideo } from '../services/files'
import './styles'

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
  return <Replay replayUrl={replayUrl} highlights={highlights} />
}

function Replay(props: { replayUrl?: string; highlights?: string[] }) {
  const { replayUrl, highlights } = props
  const play = useSubmit(async () => {
    if (!replayUrl) return
    try {
      if (replayUrl.startsWith('cloud://')) await playCloudVideo(replayUrl)
      // weapp opens no outside web page: the link goes to the clipboard for her browser
      else if ((await openLink(replayUrl)) === 'clipboard') await Taro.showToast({ title: '回放链接已复制，请在浏览器打开', icon: 'none' })
    } catch {
      await Taro.showToast({ title: '回放暂时打不开，请稍后再试', icon: 'none' })
    }
  })
  return (
    <Card title='直播回放'>
      {replayUrl ? (
        <Button block loading={play.submitting} testId='live-replay' onClick={() => void play.run()}>
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
