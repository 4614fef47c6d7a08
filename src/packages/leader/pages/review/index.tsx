import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MemberSummary } from '../../../../../domain/member'
import { autoTags } from '../../../../../domain/tags'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { PageShell } from '../../../../components/PageShell'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { ApplicantCard, type ReviewDraft } from '../../../../components/member/ApplicantCard'
import { LoadMore } from '../../../../components/member/LoadMore'
import { EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { usePagedQuery } from '../../../../hooks/usePagedQuery'
import { toCloudError } from '../../../../services/cloud'
import { fetchPending, reviewApplicant } from '../../../../services/member'

/** Tags suggested from what she ticked on the application, ready for the leader to edit. */
const suggestedDraft = (a: MemberSummary): ReviewDraft => ({ tags: autoTags({ needs: a.needs }, Date.now()), note: '', rejecting: false })

export default function ReviewPage() {
  const queue = usePagedQuery(fetchPending, (a) => a.openid)
  usePullToRefresh(queue.reload, queue.loading)
  const [drafts, setDrafts] = useState<Record<string, ReviewDraft>>({})
  const draftOf = (a: MemberSummary) => drafts[a.openid] ?? suggestedDraft(a)
  const setDraft = (openid: string, draft: ReviewDraft) => setDrafts((d) => ({ ...d, [openid]: draft }))

  async function decide(a: MemberSummary, decision: 'approve' | 'reject') {
    const draft = draftOf(a)
    const note = draft.note.trim()
    if (decision === 'reject' && !note) {
      setDraft(a.openid, { ...draft, noteError: '请写下原因，妈妈会看到这段话' })
      return
    }
    // gone from the list at once: the card cannot be tapped twice, and the leader moves on
    const { restore } = queue.remove(a.openid)
    try {
      await reviewApplicant(
        decision === 'approve'
          ? { openid: a.openid, decision, ...(draft.tags.length > 0 ? { tags: draft.tags } : {}) }
          : { openid: a.openid, decision, note },
      )
      setDrafts(({ [a.openid]: _done, ...rest }) => rest)
      await Taro.showToast({ title: decision === 'approve' ? '已通过，已通知妈妈' : '已处理，已告知原因', icon: 'none' })
    } catch (e) {
      const error = toCloudError(e)
      if (error.code === 'CONFLICT') {
        // another leader decided first: hers stands; show the queue as it is now
        await Taro.showModal({ title: '这份申请已被处理', content: error.message, showCancel: false })
        queue.reload()
        return
      }
      restore()
      await Taro.showToast({ title: error.message, icon: 'none' })
    }
  }

  if (queue.loading && queue.items.length === 0) return <PageShell><Loading /></PageShell>
  if (queue.error?.code === 'FORBIDDEN' || queue.error?.code === 'NOT_MEMBER') return <PageShell><AccessDenied who='团长' /></PageShell>
  return (
    <PageShell>
      <View>
        <Text className='title'>待审核 {queue.total} 位</Text>
        <View>
          <Text className='caption'>按申请先后排列，先来的妈妈先处理</Text>
        </View>
      </View>
      {queue.error ? <ErrorState message={queue.error.message} onRetry={queue.items.length > 0 ? queue.loadMore : queue.reload} /> : null}
      {!queue.error && queue.items.length === 0 ? (
        <EmptyState icon='📝' title='暂无待审核的申请' hint='新妈妈提交申请后会按时间顺序出现在这里' />
      ) : null}
      {queue.items.map((a) => (
        <ApplicantCard
          key={a.openid}
          applicant={a}
          draft={draftOf(a)}
          onDraft={(d) => setDraft(a.openid, d)}
          onApprove={() => void decide(a, 'approve')}
          onReject={() => void decide(a, 'reject')}
        />
      ))}
      <LoadMore count={queue.items.length} hasMore={queue.hasMore} loading={queue.loadingMore} onMore={queue.loadMore} />
    </PageShell>
  )
}
