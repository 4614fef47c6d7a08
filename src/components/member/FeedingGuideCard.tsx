import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCloudQuery } from '../../hooks/useCloud'
import { useSubmit } from '../../hooks/useSubmit'
import { fetchLanding } from '../../services/member'
import { openCloudDocument } from '../../services/platform'
import { Button, Card } from '../ui'

/** The lead gift: a free PDF anyone may open, member or not. Hidden until an operator configures it. */
export function FeedingGuideCard() {
  const landing = useCloudQuery(fetchLanding)
  const guide = landing.data?.guide
  const open = useSubmit(async () => {
    if (!guide) return
    try {
      await openCloudDocument(guide.fileID)
    } catch {
      await Taro.showToast({ title: '指南暂时打不开，请稍后再试', icon: 'none' })
    }
  })
  if (!guide) return null
  return (
    <Card title='🎁 免费领取'>
      <Text className='title'>《{guide.title}》</Text>
      <View>
        <Text className='muted'>奶量怎么定、辅食何时加、过敏怎么办——按宝宝月龄整理成清单，随时翻看。</Text>
      </View>
      <View className='m-footer'>
        <Button variant='secondary' block loading={open.submitting} onClick={() => void open.run()}>
          {open.submitting ? '正在打开…' : '免费查看指南'}
        </Button>
      </View>
    </Card>
  )
}
