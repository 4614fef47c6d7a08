import { Text } from '@tarojs/components'
import './ui.css'

export function Tag(props: { children: string; tone?: 'brand' | 'trust' | 'warn' | 'neutral' }) {
  const tone = props.tone ?? 'brand'
  return <Text className={`ui-tag${tone === 'brand' ? '' : ` ui-tag--${tone}`}`}>{props.children}</Text>
}
