import { Text, View } from '@tarojs/components'
import { Button } from '../ui'
import './styles'

/** The foot of a paged list: "加载更多" while there is more, a quiet end mark otherwise. */
export function LoadMore(props: { hasMore: boolean; loading: boolean; onMore: () => void; count: number }) {
  if (props.count === 0) return null
  return (
    <View className='m-footer'>
      {props.hasMore ? (
        <Button variant='ghost' loading={props.loading} onClick={props.onMore}>
          {props.loading ? '加载中…' : '加载更多'}
        </Button>
      ) : (
        <Text>已经到底啦</Text>
      )}
    </View>
  )
}
