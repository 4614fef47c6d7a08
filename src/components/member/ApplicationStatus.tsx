import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LANDING } from '../../../domain/labels'
import type { MeView } from '../../../domain/member'
import { pageUrl } from '../../../domain/pages'
import { chinaDay } from '../../../domain/time'
import { Button, Card } from '../ui'
import { Banner } from './Banner'
import { formatDay, mayApplyAgain } from './reapply'

const goApply = () => void Taro.navigateTo({ url: pageUrl('apply') })

/** Where a not-yet-member stands: invited to apply, waiting for review, or told why not and when again. */
export function ApplicationStatus(props: { me: MeView; today?: string }) {
  const { me } = props
  if (me.status === 'pending') {
    return (
      <Card title='审核中' className='status-card'>
        <Text className='muted' data-testid='pending-note'>
          你的申请已收到，团长会尽快审核，结果会通过微信通知你。审核期间可以先看看喂养指南哦～
        </Text>
        <View className='m-footer'>
          <Button variant='ghost' onClick={goApply}>修改申请信息</Button>
        </View>
      </Card>
    )
  }
  if (me.status === 'rejected') {
    const today = props.today ?? chinaDay(Date.now())
    const canApply = mayApplyAgain(me.reapplyFrom, today)
    return (
      <Card title='这次申请没有通过'>
        <Text className='muted'>团长的说明：</Text>
        <Text data-testid='review-note'>{me.reviewNote || '团长没有留下说明，可以在群里联系团长了解原因'}</Text>
        {canApply ? (
          <View className='m-footer'>
            <Button block onClick={goApply}>重新申请</Button>
          </View>
        ) : (
          <Banner tone='info'>{`${formatDay(me.reapplyFrom as string)}起可以重新申请，期待你再来`}</Banner>
        )}
      </Card>
    )
  }
  return (
    <Button block onClick={goApply}>
      {LANDING.apply}
    </Button>
  )
}
