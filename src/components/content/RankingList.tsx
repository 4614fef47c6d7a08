import { Text, View } from '@tarojs/components'
import type { RankedDiary } from '../../../domain/content'
import { EmptyState } from '../ui'
import './styles'

/**
 * A contest's leaderboard: rank, author, her line and likes. `heading` sets it apart from the
 * winners listed above it once a contest is closed (the same mothers would otherwise read twice).
 */
export function RankingList({ items, limit = 10, heading }: { items: readonly RankedDiary[]; limit?: number; heading?: string }) {
  if (items.length === 0) return <EmptyState icon='🏆' title='还没有妈妈参加' hint='发一条晒娃日记并选择这个活动就能参加' />
  return (
    <View data-testid='ranking'>
      {heading ? <Text className='title c-ranking-heading'>{heading}</Text> : null}
      {items.slice(0, limit).map((e) => (
        <View key={e.id} className='c-rank'>
          <Text className='c-rank__no'>{e.rank <= 3 ? ['🥇', '🥈', '🥉'][e.rank - 1] : e.rank}</Text>
          <View className='c-rank__text'>
            <Text className='title'>{e.authorName}</Text>
            <View>
              <Text className='caption'>{e.text}</Text>
            </View>
          </View>
          <Text>❤️ {e.likeCount}</Text>
        </View>
      ))}
    </View>
  )
}
