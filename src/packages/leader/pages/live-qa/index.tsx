import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { LiveQuestionStaffView, LiveQuestionState } from '../../../../../domain/live'
import { liveSchemas } from '../../../../../domain/schemas/live'
import { describeIssues } from '../../../../../domain/schemas/format'
import { PageShell } from '../../../../components/PageShell'
import { Tabs } from '../../../../components/content/Tabs'
import { shortTime } from '../../../../components/content/format'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { Banner } from '../../../../components/member/Banner'
import { LoadMore } from '../../../../components/member/LoadMore'
import { isLeader } from '../../../../components/staff/roles'
import { Card, EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { toCloudError } from '../../../../services/cloud'
import { curateQuestion, fetchLive } from '../../../../services/live'
import { fetchMe } from '../../../../services/member'
import { CuratedQuestion } from '../../components/live/CuratedQuestion'
import { LIVE_QA_POLL_MS, useLiveQuestions } from '../../components/live/useLiveQuestions'
import '../../components/live/live.css'

const TAB_LABELS: Record<LiveQuestionState, string> = { new: '新问题', picked: '已选中', answered: '已回答', hidden: '已隐藏' }
const EMPTY: Record<LiveQuestionState, string> = {
  new: '暂时没有新问题，妈妈们提问后几秒内会出现在这里',
  picked: '选中的问题会出现在这里，妈妈们也能看到',
  answered: '回答过的问题会出现在这里',
  hidden: '隐藏的问题妈妈们看不到，可以恢复选中',
}
const DONE: Record<'picked' | 'hidden' | 'answered', string> = { picked: '已选中，妈妈们能看到这个问题了', hidden: '已隐藏', answered: '已回答' }

/** One live's questions: pick the ones to read out, answer them, hide the rest. Refreshes itself. */
export default function LeaderLiveQaPage() {
  const liveId = useRouter().params.id ?? ''
  const me = useCloudQuery(fetchMe)
  const live = useCloudQuery(() => fetchLive(liveId), [liveId])
  const [state, setState] = useState<LiveQuestionState>('new')
  // questions come in before and during the live only: afterwards the record is read, not watched
  const askable = !live.data || live.data.phase === 'upcoming' || live.data.phase === 'onAir'
  const queue = useLiveQuestions(liveId, state, { poll: askable })
  usePullToRefresh(queue.refresh, queue.refreshing)
  // answers being typed, by question: they outlive a refresh of the list and a change of tab
  const [answers, setAnswers] = useState<Record<string, string>>({})
  const [openAnswers, setOpenAnswers] = useState<string[]>([])
  const [busy, setBusy] = useState<string>()

  async function curate(q: LiveQuestionStaffView, to: 'picked' | 'hidden' | 'answered') {
    if (busy) return
    const answer = (answers[q.id] ?? '').trim()
    if (to === 'answered') {
      const parsed = liveSchemas.curate.safeParse({ id: q.id, to, answer })
      if (!parsed.success) {
        await Taro.showToast({ title: describeIssues(parsed.error.issues), icon: 'none' })
        return
      }
    }
    setBusy(q.id)
    // off this tab at once: a second tap cannot curate it twice
    const held = queue.hold(q.id)
    try {
      await curateQuestion(to === 'answered' ? { id: q.id, to, answer } : { id: q.id, to })
      held.settle()
      if (to === 'answered') {
        setAnswers(({ [q.id]: _sent, ...rest }) => rest)
        setOpenAnswers((ids) => ids.filter((id) => id !== q.id))
      }
      await Taro.showToast({ title: DONE[to], icon: 'none' })
    } catch (e) {
      const error = toCloudError(e)
      if (error.code === 'CONFLICT' || error.code === 'NOT_FOUND') {
        // another leader moved it first: the list shows where it is now
        held.settle()
        await Taro.showModal({ title: '这个问题已处理', content: error.message, showCancel: false })
      } else {
        held.restore()
        await Taro.showToast({ title: error.message, icon: 'none' })
      }
    } finally {
      setBusy(undefined)
      queue.refresh()
    }
  }

  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data || !isLeader(me.data.roles)) return <PageShell><AccessDenied who='团长' /></PageShell>
  if (live.error) return <PageShell><ErrorState message={live.error.message} onRetry={live.reload} /></PageShell>

  const tabs = (Object.keys(TAB_LABELS) as LiveQuestionState[]).map((key) => ({
    key,
    label: key === 'new' && queue.newCount ? `${TAB_LABELS.new} ${queue.newCount}` : key === state && queue.total ? `${TAB_LABELS[key]} ${queue.total}` : TAB_LABELS[key],
  }))
  return (
    <PageShell>
      {live.data ? (
        <Card>
          <Text className='title'>{live.data.title}</Text>
          <View>
            <Text className='caption'>{`${shortTime(live.data.startAt)} 开播 · 主播 ${live.data.host.name}`}</Text>
          </View>
          <View>
            <Text className='caption'>{askable ? `每 ${LIVE_QA_POLL_MS / 1000} 秒自动刷新，新问题按提问先后排列` : '直播已结束或已取消，不再接收新问题'}</Text>
          </View>
        </Card>
      ) : null}
      <Tabs tabs={tabs} value={state} onChange={setState} />
      {queue.error && queue.items.length > 0 ? <Banner tone='info'>{`刷新没有成功（${queue.error.message}），稍后自动重试`}</Banner> : null}
      {queue.loading && queue.items.length === 0 ? <Loading /> : null}
      {queue.error && queue.items.length === 0 && !queue.loading ? <ErrorState message={queue.error.message} onRetry={queue.refresh} /> : null}
      {!queue.loading && !queue.error && queue.items.length === 0 ? <EmptyState icon='💬' title={`没有${TAB_LABELS[state]}`} hint={EMPTY[state]} /> : null}
      <View className='stack' data-testid='live-questions'>
        {queue.items.map((q) => (
          <CuratedQuestion
            key={q.id}
            question={q}
            answer={answers[q.id] ?? ''}
            answerOpen={openAnswers.includes(q.id)}
            busy={busy === q.id}
            onPick={() => void curate(q, 'picked')}
            onHide={() => void curate(q, 'hidden')}
            onOpenAnswer={() => setOpenAnswers((ids) => [...ids, q.id])}
            onAnswerInput={(text) => setAnswers((a) => ({ ...a, [q.id]: text }))}
            onSendAnswer={() => void curate(q, 'answered')}
            onCloseAnswer={() => setOpenAnswers((ids) => ids.filter((id) => id !== q.id))}
          />
        ))}
      </View>
      <LoadMore count={queue.items.length} hasMore={queue.hasMore} loading={queue.loadingMore} onMore={queue.loadMore} />
    </PageShell>
  )
}
