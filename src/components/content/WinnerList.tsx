import { Text, View } from '@tarojs/components'
import type { ContestView } from '../../../domain/content'
import './styles'

const MEDALS = ['🥇', '🥈', '🥉']

/** The places a leader announced when she closed the contest; the same for every viewer. */
export function WinnerList({ contest }: { contest: Pick<ContestView, 'winners' | 'closedAt'> }) {
  if (!contest.closedAt) return null
  const winners = contest.winners ?? []
  return (
    <View className='c-winners' data-testid='winners'>
      <Text className='title'>🏆 获奖名单</Text>
      {winners.length === 0 ? (
        <View>
          <Text className='caption'>本次活动没有获奖作品</Text>
        </View>
      ) : null}
      {winners.map((w) => (
        <View key={w.diaryId} className='c-rank'>
          <Text className='c-rank__no'>{MEDALS[w.rank - 1] ?? w.rank}</Text>
          <View className='c-rank__text'>
            <Text className='title'>{`🏆 ${w.authorName}`}</Text>
            <View>
              <Text className='caption'>{w.text}</Text>
            </View>
          </View>
          <Text>❤️ {w.rankedLikes}</Text>
        </View>
      ))}
    </View>
  )
}
