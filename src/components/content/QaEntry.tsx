import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { pageUrl } from '../../../domain/pages'
import { Card } from '../ui'
import './styles'

/** The Q&A's door on the home page: ask an expert, or read what other mothers asked. */
export function QaEntry() {
  return (
    <Card>
      <View className='row-between' role='link' data-testid='qa-entry' onClick={() => void Taro.navigateTo({ url: pageUrl('qa') })}>
        <View className='c-entry__text'>
          <Text className='title'>💬 专家答疑</Text>
          <View>
            <Text className='caption'>湿疹、辅食、睡眠…有问题就问，专家回答后大家都能看</Text>
          </View>
        </View>
        <Text className='muted c-entry__go'>去提问 ›</Text>
      </View>
    </Card>
  )
}
