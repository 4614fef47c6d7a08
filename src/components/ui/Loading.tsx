import { View, Text } from '@tarojs/components'
import './ui.css'

export function Loading(props: { text?: string }) {
  return (
    <View className='ui-loading' role='status'>
      <View className='ui-loading__dot' />
      <Text>{props.text ?? '加载中…'}</Text>
    </View>
  )
}

export function ErrorState(props: { message: string; onRetry?: () => void }) {
  return (
    <View className='ui-error' role='alert'>
      <Text>{props.message}</Text>
      {props.onRetry ? (
        <Text className='ui-tag ui-tag--neutral' onClick={props.onRetry}>
          重试
        </Text>
      ) : null}
    </View>
  )
}
