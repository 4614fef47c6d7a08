import { Text, View } from '@tarojs/components'
import type { MeView } from '../../../domain/member'
import { Card, Tag } from '../ui'

/** A member's greeting: her name and where her baby is now. */
export function MemberWelcome(props: { me: MeView }) {
  const { me } = props
  const age = me.age
  return (
    <Card title={`欢迎回来${me.nickname ? `，${me.nickname}` : ''}`}>
      <View className='row wrap'>
        {me.stage ? <Tag tone='trust'>{me.stage}</Tag> : null}
        {age && age !== me.stage ? <Text className='muted'>宝宝 {age}</Text> : null}
      </View>
      <Text className='caption'>今天的干货已经为你按宝宝阶段挑好啦</Text>
    </Card>
  )
}
