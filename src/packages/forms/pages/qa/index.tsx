import Taro from '@tarojs/taro'
import { Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { contentSchemas } from '../../../../../domain/schemas/content'
import { describeIssues } from '../../../../../domain/schemas/format'
import { PageShell } from '../../../../components/PageShell'
import type { QuestionView } from '../../../../../domain/content'
import { TEXT_MAX } from '../../../../../domain/form-rules'
import { QuestionCard } from '../../../../components/content/QuestionCard'
import { confirmAndRemove } from '../../../../components/content/removal'
import { OwnerActions } from '../../../../components/content/OwnerActions'
import { TextEditor } from '../../../../components/content/TextEditor'
import { Tabs } from '../../../../components/content/Tabs'
import { messageOf } from '../../../../components/content/errors'
import { Field } from '../../../../components/member/Field'
import { LoadMore } from '../../../../components/member/LoadMore'
import { MembersOnly } from '../../../../components/member/MembersOnly'
import { Button, Card, EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { useDraft } from '../../../../hooks/useDraft'
import { usePagedQuery } from '../../../../hooks/usePagedQuery'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { useSubmit } from '../../../../hooks/useSubmit'
import { toCloudError } from '../../../../services/cloud'
import { askQuestion, deleteQuestion, editQuestion, fetchQuestions } from '../../../../services/content'

type Tab = 'all' | 'mine'
const TABS = [
  { key: 'all', label: '大家的问答' },
  { key: 'mine', label: '我的提问' },
] as const
const QUESTION_MAX = TEXT_MAX.question

export default function QaPage() {
  const [tab, setTab] = useState<Tab>('all')
  const [kept, setKept, forget] = useDraft('question', { text: '' })
  const draft = kept.text
  const [error, setError] = useState<string>()
  const [editing, setEditing] = useState<string>()
  const list = usePagedQuery(fetchQuestions(tab === 'mine'), (q) => q.id, [tab])
  usePullToRefresh(list.reload, list.loading)

  const ask = useSubmit(async () => {
    const parsed = contentSchemas.ask.safeParse({ question: draft })
    if (!parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      await askQuestion(parsed.data.question)
      forget()
      setKept(() => ({ text: '' }))
      await Taro.showToast({ title: '提问成功，专家回答后会公开', icon: 'none' })
      if (tab === 'mine') list.reload()
      else setTab('mine')
    } catch (e) {
      setError(messageOf(e))
    }
  })

  async function saveEdit(q: QuestionView, question: string) {
    try {
      await editQuestion(q.id, question)
    } catch (e) {
      // answered meanwhile: the answer is what she came for, so show it instead of the editor
      if (toCloudError(e).code === 'CONFLICT') {
        setEditing(undefined)
        list.reload()
      }
      throw e
    }
    list.update(q.id, { question })
    setEditing(undefined)
    await Taro.showToast({ title: '已修改', icon: 'none' })
  }

  function remove(q: QuestionView) {
    void confirmAndRemove({
      title: '删除这个问题？',
      content: '专家还没有回答，删除后不能恢复',
      removeLocally: () => list.remove(q.id),
      send: () => deleteQuestion(q.id).catch((e: unknown) => {
        if (toCloudError(e).code === 'CONFLICT') list.reload() // answered meanwhile: it comes back with its answer
        throw e
      }),
      done: '已删除',
    })
  }

  if (list.error?.code === 'NOT_MEMBER') return <PageShell><MembersOnly what='专家答疑' icon='💬' /></PageShell>
  return (
    <PageShell>
      <Card title='向专家提问'>
        <Field
          label='你的问题'
          hint='育儿、喂养、护理都可以问，回答后所有妈妈都能看到（不显示提问人）'
          error={error}
          testId='question'
          count={{ value: draft, max: QUESTION_MAX }}
        >
          <Textarea
            className='m-input m-input--multi'
            value={draft}
            maxlength={QUESTION_MAX}
            placeholder='例如：宝宝湿疹反复，可以用什么护理？'
            onInput={(e) => {
              const text = e.detail.value
              setKept(() => ({ text }))
            }}
          />
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
        <QuestionCard key={q.id} question={q}>
          {/* hers and still waiting: she may reword or withdraw it */}
          {q.mine && !q.answered ? (
            editing === q.id ? (
              <TextEditor
                label='修改问题'
                initial={q.question}
                max={QUESTION_MAX}
                schema={contentSchemas.editQuestion.shape.question}
                onSave={(text) => saveEdit(q, text)}
                onCancel={() => setEditing(undefined)}
                testId={`edit-${q.id}`}
              />
            ) : (
              <OwnerActions onEdit={() => setEditing(q.id)} onDelete={() => remove(q)} />
            )
          ) : null}
        </QuestionCard>
      ))}
      <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.loadingMore} onMore={list.loadMore} />
      <View>
        <Text className='caption'>专家回答仅供参考，宝宝不适请及时就医。</Text>
      </View>
    </PageShell>
  )
}
