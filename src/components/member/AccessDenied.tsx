import Taro from '@tarojs/taro'
import { Button, EmptyState } from '../ui'

/** A friendly stop for a console page opened without the role (the functions refuse anyway), with a way out. */
export function AccessDenied(props: { who: string }) {
  return (
    <EmptyState
      icon='🔒'
      title='无权限'
      hint={`这里仅${props.who}可以使用，如需开通请联系管理员`}
      action={
        <Button variant='secondary' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          返回首页
        </Button>
      }
    />
  )
}
