import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, STATUS_LABELS } from '../../../domain/labels'
import { PageShell } from '../../components/PageShell'
import { Button, Card, ErrorState, Loading, Tag } from '../../components/ui'
import { useCloudQuery } from '../../hooks/useCloud'
import { fetchMe } from '../../services/member'

export default function MePage() {
  const me = useCloudQuery(fetchMe)
  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error && !me.data) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  const data = me.data
  if (!data) return null
  const isStaff = data.roles.includes('leader') || data.roles.includes('admin')
  return (
    <PageShell>
      <Card title={data.nickname ?? '亲爱的妈妈'}>
        <View className='row-between'>
          <Text className='muted'>会员状态</Text>
          <Text data-testid='member-status'>{STATUS_LABELS[data.status]}</Text>
        </View>
        {data.stage ? (
          <View className='row-between'>
            <Text className='muted'>宝宝阶段</Text>
            <Text>{data.stage}</Text>
          </View>
        ) : null}
        {data.status === 'rejected' && data.reviewNote ? <Text className='caption'>审核说明：{data.reviewNote}</Text> : null}
      </Card>
      <Card title='我的标签'>
        {data.tags.length === 0 ? <Text className='muted'>还没有标签</Text> : null}
        <View className='row wrap'>
          {data.tags.map((t) => (
            <Tag key={t}>{t}</Tag>
          ))}
          {data.roles.map((r) => (
            <Tag key={r} tone='trust'>
              {ROLE_LABELS[r]}
            </Tag>
          ))}
        </View>
      </Card>
      {isStaff ? (
        <Button variant='secondary' block onClick={() => Taro.navigateTo({ url: '/packages/leader/pages/review/index' })}>
          进入团长工作台
        </Button>
      ) : null}
    </PageShell>
  )
}
