import Taro from '@tarojs/taro'
import { Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { QuestionView } from '../../../../../domain/content'
import { QuestionCard } from '../../../../components/content/QuestionCard'
import { LoadMore } from '../../../../components/member/LoadMore'
import { Button, EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { usePagedQuery } from '../../../../hooks/usePagedQuery'
import { answerQuestion, fetchUnanswered } from '../../../../services/content'
import { toCloudError } from '../../../../services/cloud'

/** Unanswered questions, oldest first, each with a reply box. */
export function AnswerQueue() {
  const queue = usePagedQuery(fetchUnanswered, (q) => q.id)
  const [drafts, setDrafts] = useState<Record<string, string>>({})

  async function answer(q: QuestionView) {
    const text = (drafts[q.id] ?? '').trim()
    if (!text) {
      await Taro.showToast({ title: '请先写下回答', icon: 'none' })
      return
    }
    // off the queue at once so it cannot be answered twice from here
    const { restore } = queue.remove(q.id)
    try {
      await answerQuestion(q.id, text)
      setDrafts(({ [q.id]: _done, ...rest }) => rest)
      await Taro.showToast({ title: '已回答，妈妈们都能看到了', icon: 'none' })
    } catch (e) {
      const error = toCloudError(e)
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        await Taro.showModal({ title: '这个问题已处理', content: error.message, showCancel: false })
        queue.reload()
        return
      }
      restore()
      await Taro.showToast({ title: error.message, icon: 'none' })
    }
  }

  if (queue.loading && queue.items.length === 0) return <Loading />
  return (
    <View className='stack'>
      {queue.error ? <ErrorState message={queue.error.message} onRetry={queue.items.length > 0 ? queue.loadMore : queue.reload} /> : null}
      {!queue.error && queue.items.length === 0 ? <EmptyState icon='✅' title='问题都回答完啦' hint='妈妈们的新问题会按提问先后出现在这里' /> : null}
      {queue.items.map((q) => (
        <QuestionCard key={q.id} question={q}>
          <View className='stack' data-testid={`answer-${q.id}`}>
            <Textarea
              className='m-input m-input--multi'
              value={drafts[q.id] ?? ''}
              maxlength={2000}
              placeholder='写下专业、温和的回答'
              onInput={(e) => setDrafts((d) => ({ ...d, [q.id]: e.detail.value }))}
            />
            <Button onClick={() => void answer(q)}>回答</Button>
          </View>
        </QuestionCard>
      ))}
      <LoadMore count={queue.items.length} hasMore={queue.hasMore} loading={queue.loadingMore} onMore={queue.loadMore} />
    </View>
  )
}
