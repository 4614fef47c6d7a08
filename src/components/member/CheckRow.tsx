import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './styles'

/** A sentence with a tick box in front, e.g. the privacy consent. */
export function CheckRow(props: { checked: boolean; onToggle: () => void; children: ReactNode; label: string }) {
  return (
    <View className='m-check' role='checkbox' aria-checked={props.checked} aria-label={props.label} onClick={props.onToggle}>
      <Text className={`m-check__box${props.checked ? ' m-check__box--on' : ''}`}>{props.checked ? '✓' : ''}</Text>
      <Text>{props.children}</Text>
    </View>
  )
}
