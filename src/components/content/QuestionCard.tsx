import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { QuestionView } from '../../../domain/content'
import { Card, Tag } from '../ui'
import { shortTime } from './format'
import './styles'

/** A question with its answer (or its waiting state); `children` is room for a leader's answer form. */
export function QuestionCard({ question: q, children }: { question: QuestionView; children?: ReactNode }) {
  return (
    <Card>
      <View>
        {q.answered ? <Tag tone='trust'>已回答</Tag> : <Tag tone='warn'>等待专家回答</Tag>}
        {q.mine ? <Tag tone='neutral'>我的提问</Tag> : null}
      </View>
      <Text className='title'>{q.question}</Text>
      {q.answered ? (
        <View className='c-answer'>
          <Text className='c-answer__by'>{q.answeredByName ?? '专家'} 回答：</Text>
          <Text className='c-body'>{q.answer}</Text>
        </View>
      ) : null}
      <View className='c-meta'>
        <Text>提问于 {shortTime(q.askedAt)}</Text>
        {q.answeredAt ? <Text>回答于 {shortTime(q.answeredAt)}</Text> : null}
      </View>
      {children}
    </Card>
  )
}
