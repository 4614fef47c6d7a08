import { Text, View } from '@tarojs/components'
import { LANDING, PROMISES } from '../../../domain/labels'
import { Card } from '../ui'
import './styles'

/** What the community is and what it promises, before she decides to apply. */
export function CommunityIntro() {
  return (
    <Card title={LANDING.introTitle}>
      <Text className='muted'>{LANDING.intro}</Text>
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
