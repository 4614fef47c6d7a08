import { Text, View } from '@tarojs/components'
import type { LiveQuestionView } from '../../../../domain/live'
import type { Page } from '../../../../domain/member'
import type { CloudQuery } from '../../../hooks/useCloud'
import { Card, EmptyState, ErrorState, Loading, Tag } from '../../../components/ui'
import './styles'

/** The questions the leader picked, with the host's answers: the same for every member. */
export function LiveQa(props: { qa: CloudQuery<Page<LiveQuestionView>>; live: boolean }) {
  const { qa } = props
  const items = qa.data?.items ?? []
  return (
    <Card title='直播问答'>
      {props.live ? <Text className='caption'>团长选中的问题和主播的回答，页面打开时自动更新</Text> : null}
      {qa.loading && !qa.data ? <Loading /> : null}
      {qa.error && !qa.data ? <ErrorState message={qa.error.message} onRetry={qa.reload} /> : null}
      {qa.data && items.length === 0 ? <EmptyState icon='💬' title='还没有选中的问题' hint={props.live ? '提个问题吧，团长会挑选后在直播中回答' : undefined} /> : null}
      {items.map((q) => (
        <View key={q.id} className='l-qa' data-testid='live-qa-item'>
          <View className='row wrap'>
            {q.state === 'answered' ? <Tag tone='trust'>已回答</Tag> : <Tag tone='warn'>待回答</Tag>}
            {q.mine ? <Tag tone='neutral'>我的提问</Tag> : null}
          </View>
          <Text className='l-qa__q'>问：{q.question}</Text>
          {q.answer ? (
            <View className='c-answer'>
              <Text className='c-answer__by'>主播回答</Text>
              <View>
                <Text>{q.answer}</Text>
              </View>
            </View>
          ) : null}
        </View>
      ))}
      {qa.data && qa.data.total > items.length ? <Text className='caption'>{`共 ${qa.data.total} 个问题，这里显示最早的 ${items.length} 个`}</Text> : null}
    </Card>
  )
}
