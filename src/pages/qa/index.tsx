import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { contentSchemas } from '../../../domain/schemas/content'
import { describeIssues } from '../../../domain/schemas/format'
import { PageShell } from '../../components/PageShell'
import { QuestionCard } from '../../components/content/QuestionCard'
import { Tabs } from '../../components/content/Tabs'
import { messageOf } from '../../components/content/errors'
import { Field } from '../../components/member/Field'
import { LoadMore } from '../../components/member/LoadMore'
import { Button, Card, EmptyState, ErrorState, Loading } from '../../components/ui'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { useSubmit } from '../../hooks/useSubmit'
import { askQuestion, fetchQuestions } from '../../services/content'

type Tab = 'all' | 'mine'
const TABS = [
  { key: 'all', label: '大家的问答' },
  { key: 'mine', label: '我的提问' },
] as const

export default function QaPage() {
  const [tab, setTab] = useState<Tab>('all')
  const [draft, setDraft] = useState('')
  const [error, setError] = useState<string>()
  const list = usePagedQuery(fetchQuestions(tab === 'mine'), (q) => q.id, [tab])

  const ask = useSubmit(async () => {
    const parsed = contentSchemas.ask.safeParse({ question: draft })
    if (!parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      await askQuestion(parsed.data.question)
      setDraft('')
      await Taro.showToast({ title: '提问成功，专家回答后会公开', icon: 'none' })
      if (tab === 'mine') list.reload()
      else setTab('mine')
    } catch (e) {
      setError(messageOf(e))
    }
  })

  return (
    <PageShell>
      <Card title='向专家提问'>
        <Field label='你的问题' hint='育儿、喂养、护理都可以问，回答后所有妈妈都能看到（不显示提问人）' error={error} testId='question'>
          <Textarea className='m-input m-input--multi' value={draft} maxlength={500} placeholder='例如：宝宝湿疹反复，可以用什么护理？' onInput={(e) => setDraft(e.detail.value)} />
        </Field>
        <Button block loading={ask.submitting} onClick={() => void ask.run()}>
          提交问题
        </Button>
      </Card>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      {list.loading && list.items.length === 0 ? <Loading /> : null}
      {list.error ? <ErrorState message={list.error.message} onRetry={list.items.length > 0 ? list.loadMore : list.reload} /> : null}
      {!list.loading && !list.error && list.items.length === 0 ? (
        <EmptyState icon='💬' title={tab === 'mine' ? '你还没有提过问题' : '还没有已回答的问题'} hint='有疑问就问吧，专家会尽快回答' />
      ) : null}
      {list.items.map((q) => (
        <QuestionCard key={q.id} question={q} />
      ))}
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
      <View>
        <Text className='caption'>专家回答仅供参考，宝宝不适请及时就医。</Text>
      </View>
    </PageShell>
  )
}
