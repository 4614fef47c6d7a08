import { Text, View } from '@tarojs/components'
import { ROLE_LABELS, STATUS_LABELS } from '../../../domain/labels'
import type { MeView } from '../../../domain/member'
import { Card, Tag } from '../ui'
import { plainTag } from './plainTag'
import './styles'

/** Her status, her baby's age (computed by the function each time, so it moves as the baby grows) and tags. */
export function ProfileCard(props: { me: MeView }) {
  const { me } = props
  const age = me.age
  return (
    <Card title={me.nickname || '亲爱的妈妈'}>
      <View className='m-row'>
        <Text className='m-row__label'>会员状态</Text>
        <Text data-testid='member-status'>{STATUS_LABELS[me.status]}</Text>
      </View>
      {age ? (
        <View className='m-row'>
          <Text className='m-row__label'>宝宝月龄</Text>
          <Text data-testid='baby-age'>{age}</Text>
        </View>
      ) : null}
      {me.stage ? (
        <View className='m-row'>
          <Text className='m-row__label'>宝宝阶段</Text>
          <Text>{me.stage}</Text>
        </View>
      ) : null}
      {me.status === 'rejected' && me.reviewNote ? <Text className='caption'>审核说明：{me.reviewNote}</Text> : null}
      <View className='m-row'>
        <Text className='m-row__label'>我的标签</Text>
      </View>
      {me.tags.length === 0 && me.roles.length === 0 ? <Text className='muted'>还没有标签，入群后会按宝宝阶段自动添加</Text> : null}
      <View className='row wrap' data-testid='my-tags'>
        {me.tags.map((t) => (
          <Tag key={t}>{plainTag(t)}</Tag>
        ))}
        {me.roles.map((r) => (
          <Tag key={r} tone='trust'>
            {ROLE_LABELS[r]}
          </Tag>
        ))}
      </View>
    </Card>
  )
}
