import { Text, View } from '@tarojs/components'
import './live.css'

/** A small text action beside a row (删除, 更换): a tap target of its own, read as a button. */
export function TextButton(props: { children: string; onClick: () => void; testId?: string }) {
  return (
    <View className='l-link' role='button' data-testid={props.testId} onClick={props.onClick}>
      <Text>{props.children}</Text>
    </View>
  )
}
