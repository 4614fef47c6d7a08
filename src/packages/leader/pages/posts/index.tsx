import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { PageShell } from '../../../../components/PageShell'
import { Tabs } from '../../../../components/content/Tabs'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { isLeader } from '../../../../components/staff/roles'
import { ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchMe } from '../../../../services/member'
import { AnswerQueue } from '../../components/content/AnswerQueue'
import { PostForm } from '../../components/content/PostForm'
import { PublishedPosts } from '../../components/content/PublishedPosts'

type Tab = 'publish' | 'answer' | 'published'
const TABS = [
  { key: 'publish', label: '发布干货' },
  { key: 'answer', label: '待回答' },
  { key: 'published', label: '已发布' },
] as const

const isTab = (v: unknown): v is Tab => TABS.some((t) => t.key === v)

export default function LeaderPostsPage() {
  const me = useCloudQuery(fetchMe)
  // the 工作台 opens this page on the tab it counted (?tab=answer)
  const asked = useRouter().params.tab
  const [tab, setTab] = useState<Tab>(isTab(asked) ? asked : 'publish')
  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  // the functions refuse anyway; this only spares a mother a form she cannot send
  if (!me.data || !isLeader(me.data.roles)) return <PageShell><AccessDenied who='团长' /></PageShell>
  return (
    <PageShell>
      <Tabs tabs={TABS} value={tab} onChange={setTab} />
      {tab === 'publish' ? <PostForm onPublished={() => setTab('published')} /> : null}
      {tab === 'answer' ? <AnswerQueue /> : null}
      {tab === 'published' ? <PublishedPosts /> : null}
    </PageShell>
  )
}
