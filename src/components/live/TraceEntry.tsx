import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Card } from '../ui'
import { TRACE_LOOKUP } from './entries'
import '../content/styles'

/** The trace lookup's door: open to everyone, a visitor too (the code is printed on the can). */
export function TraceEntry() {
  return (
    <Card>
      <View className='row-between' role='link' data-testid='trace-entry' onClick={() => void Taro.navigateTo({ url: TRACE_LOOKUP })}>
        <View className='c-entry__text'>
          <Text className='title'>🔍 查验溯源码</Text>
          <View>
            <Text className='caption'>罐底的溯源码，批次和质检报告一查便知</Text>
          </View>
        </View>
        <Text className='muted c-entry__go'>去查验 ›</Text>
      </View>
    </Card>
  )
}
