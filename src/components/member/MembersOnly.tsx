import Taro from '@tarojs/taro'
import { Button, EmptyState } from '../ui'

/**
 * What a not-yet-admitted mother sees instead of a members' list: why it is closed and how to get
 * in — never a 重试 button, since trying again cannot help her.
 */
export function MembersOnly(props: { what: string; icon?: string }) {
  return (
    <EmptyState
      icon={props.icon ?? '🔒'}
      title={`${props.what}仅对会员开放`}
      hint='加入妈妈圈、团长审核通过后就能参与；已经申请的话，请耐心等待审核结果'
      action={
        <Button testId='members-only-apply' onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
          去申请加入
        </Button>
      }
    />
  )
}
