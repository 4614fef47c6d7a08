import { Text, View } from '@tarojs/components'
import { PROMISES } from '../../../domain/labels'
import { Card } from '../ui'
import './member.css'

/** What the community is and what it promises, before she decides to apply. */
export function CommunityIntro() {
  return (
    <Card title='这里是什么样的社群'>
      <Text className='muted'>
        亲亲宝贝妈妈圈是一个经过审核的真实妈妈社群：每天的育儿干货、专家答疑、宝宝成长日记，还有只对会员开放的放心好物接龙。
      </Text>
      <View className='stack' data-testid='promises'>
        {PROMISES.map((p) => (
          <View key={p.title} className='m-promise'>
            <Text className='title'>✓ {p.title}</Text>
            <View>
              <Text className='muted'>{p.text}</Text>
            </View>
          </View>
        ))}
      </View>
    </Card>
  )
}
