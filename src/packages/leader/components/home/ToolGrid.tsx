import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Card } from '../../../../components/ui'
import type { LeaderTool } from './tools'
import './home.css'

/** Every tool a leader has, one tap each. */
export function ToolGrid({ tools }: { tools: readonly LeaderTool[] }) {
  return (
    <Card title='团长工具'>
      <View className='l-tools'>
        {tools.map((t) => (
          <View key={t.key} className='l-tool' role='link' data-testid={`tool-${t.key}`} onClick={() => void Taro.navigateTo({ url: t.url })}>
            <Text className='l-tool__icon'>{t.icon}</Text>
            <Text className='l-tool__label'>{t.label}</Text>
            <Text className='caption'>{t.hint}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}
