import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { Card } from '../../../../components/ui'
import type { LeaderTool } from './tools'
import './home.css'

/** Every tool a leader has, one tap each. */
export function ToolGrid({ tools, badges = {} }: { tools: readonly LeaderTool[]; badges?: Record<string, string | undefined> }) {
  return (
    <Card title='团长工具'>
      <View className='l-tools'>
        {tools.map((t) => (
          <View key={t.key} className='l-tool' role='link' data-testid={`tool-${t.key}`} onClick={() => void Taro.navigateTo({ url: t.url })}>
            <View className='row-between'>
              <Text className='l-tool__icon'>{t.icon}</Text>
              {badges[t.key] ? <Text className='l-tool__badge' data-testid={`tool-${t.key}-badge`}>{badges[t.key]}</Text> : null}
            </View>
            <Text className='l-tool__label'>{t.label}</Text>
            <Text className='caption'>{t.hint}</Text>
          </View>
        ))}
      </View>
    </Card>
  )
}
