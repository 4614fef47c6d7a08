import Taro, { useRouter } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { useState } from 'react'
import type { LiveStatus } from '../../../../../domain/live'
import { PageShell } from '../../../../components/PageShell'
import { Tabs } from '../../../../components/content/Tabs'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { LoadMore } from '../../../../components/member/LoadMore'
import { isLeader } from '../../../../components/staff/roles'
import { Button, EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { usePagedQuery } from '../../../../hooks/usePagedQuery'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { useReloadOnShow } from '../../../../hooks/useReloadOnShow'
import { fetchLivesByStatus } from '../../../../services/live'
import { fetchMe } from '../../../../services/member'
import { LiveCard } from '../../components/live/LiveCard'

const TABS = [
  { key: 'scheduled', label: '即将开播' },
  { key: 'finished', label: '已结束' },
  { key: 'cancelled', label: '已取消' },
] as const

const EMPTY: Record<LiveStatus, { icon: string; title: string; hint: string }> = {
  scheduled: { icon: '📺', title: '还没有直播预告', hint: '提前一天发布：主播、场景、商品和证据，妈妈们可以订阅开播提醒' },
  finished: { icon: '🎬', title: '还没有结束的直播', hint: '直播结束后在这里补充回放和精彩片段' },
  cancelled: { icon: '🗂', title: '没有取消的直播', hint: '取消的预告留在这里备查' },
}

const isStatus = (v: unknown): v is LiveStatus => TABS.some((t) => t.key === v)

/** The leader's live previews by state, with create, edit, cancel and finish. */
export default function LeaderLivesPage() {
  const me = useCloudQuery(fetchMe)
  const asked = useRouter().params.tab
  const [status, setStatus] = useState<LiveStatus>(isStatus(asked) ? asked : 'scheduled')
  const lives = usePagedQuery(fetchLivesByStatus(status), (l) => l.id, [status])
  useReloadOnShow(lives.reload)
  usePullToRefresh(lives.reload, lives.loading)

  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data || !isLeader(me.data.roles)) return <PageShell><AccessDenied who='团长' /></PageShell>
  const empty = EMPTY[status]
  return (
    <PageShell>
      <Button block onClick={() => void Taro.navigateTo({ url: '/packages/leader/pages/live-edit/index' })} testId='live-new'>
        ＋ 发布直播预告
      </Button>
      <Tabs tabs={TABS} value={status} onChange={setStatus} />
      {lives.loading && lives.items.length === 0 ? <Loading /> : null}
      {lives.error ? <ErrorState message={lives.error.message} onRetry={lives.items.length > 0 ? lives.loadMore : lives.reload} /> : null}
      {!lives.loading && !lives.error && lives.items.length === 0 ? <EmptyState icon={empty.icon} title={empty.title} hint={empty.hint} /> : null}
      <View className='stack'>
        {lives.items.map((l) => (
          <LiveCard key={l.id} live={l} onChanged={lives.reload} />
        ))}
      </View>
      <LoadMore count={lives.items.length} hasMore={lives.hasMore} loading={lives.loadingMore} onMore={lives.loadMore} />
    </PageShell>
  )
}
