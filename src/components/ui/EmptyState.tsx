import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './ui.css'

export function EmptyState(props: { title: string; hint?: string; icon?: string; action?: ReactNode }) {
  return (
    <View className='ui-empty'>
      <Text className='ui-empty__icon'>{props.icon ?? '🌱'}</Text>
      <Text className='ui-empty__title'>{props.title}</Text>
      {props.hint ? <Text className='caption'>{props.hint}</Text> : null}
      {props.action ? <View className='ui-empty__action'>{props.action}</View> : null}
    </View>
  )
}
