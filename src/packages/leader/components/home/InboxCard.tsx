import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { shortTime } from '../../../../components/content/format'
import { Card } from '../../../../components/ui'
import type { LeaderInbox } from './useLeaderInbox'
import './home.css'

const go = (url: string) => () => void Taro.navigateTo({ url })

/** Three numbers a leader checks first; each opens the queue it counts. */
export function InboxCard({ inbox }: { inbox: LeaderInbox }) {
  const cells = [
    { key: 'pending', label: '待审核', value: inbox.pending, url: '/packages/leader/pages/review/index' },
    { key: 'unanswered', label: '待回答', value: inbox.unanswered, url: '/packages/leader/pages/posts/index?tab=answer' },
    { key: 'running', label: '进行中活动', value: inbox.running.length, url: '/packages/leader/pages/contests/index' },
  ]
  return (
    <Card title='等你处理'>
      <View className='l-inbox'>
        {cells.map((c) => (
          <View key={c.key} className='l-inbox__cell' role='link' data-testid={`inbox-${c.key}`} onClick={go(c.url)}>
            <Text className={`l-inbox__value${c.value > 0 && c.key !== 'running' ? ' l-inbox__value--hot' : ''}`}>{c.value}</Text>
            <Text className='caption'>{c.label}</Text>
          </View>
        ))}
      </View>
      {inbox.lives?.next ? (
        <View
          className='m-row l-inbox__live'
          role='link'
          data-testid='inbox-live'
          onClick={go(`/packages/leader/pages/live-qa/index?id=${inbox.lives.next.id}`)}
        >
          <Text className='l-inbox__live-title'>{`📺 ${inbox.lives.next.onAir ? '直播中' : `${shortTime(inbox.lives.next.startAt)} 开播`}：${inbox.lives.next.title}`}</Text>
          <Text className={`l-inbox__badge${inbox.lives.next.newQuestions > 0 ? ' l-inbox__badge--hot' : ''}`}>{`新问题 ${inbox.lives.next.newQuestions}`}</Text>
        </View>
      ) : null}
      {inbox.running.map((c) => (
        <View key={c.id} className='m-row'>
          <Text>🔥 {c.title}</Text>
        </View>
      ))}
    </Card>
  )
}
