import { Text, View } from '@tarojs/components'
import './styles'

/** One line of feedback above or below a form; errors are announced. */
export function Banner(props: { tone: 'error' | 'info' | 'ok'; children: string }) {
  return (
    <View className={`m-banner m-banner--${props.tone}`} role={props.tone === 'error' ? 'alert' : undefined}>
      <Text>{props.children}</Text>
    </View>
  )
}
