import { View, Text } from '@tarojs/components'
import type { ReactNode } from 'react'
import './ui.css'

export function Card(props: { title?: string; children?: ReactNode; className?: string }) {
  return (
    <View className={`ui-card ${props.className ?? ''}`}>
      {props.title ? <Text className='ui-card__title'>{props.title}</Text> : null}
      {props.children}
    </View>
  )
}
