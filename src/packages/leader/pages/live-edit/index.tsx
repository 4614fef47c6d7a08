import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import { PageShell } from '../../../../components/PageShell'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { isLeader } from '../../../../components/staff/roles'
import { ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchLive } from '../../../../services/live'
import { fetchMe } from '../../../../services/member'
import { LiveForm } from '../../components/live/LiveForm'

/** Back to the list she came from; opened directly (a link, a reload), the list opens in its place. */
function backToList() {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
  else void Taro.redirectTo({ url: '/packages/leader/pages/lives/index' })
}

/** 发布直播预告, or with `?id=` 编辑直播预告. */
export default function LeaderLiveEditPage() {
  const id = useRouter().params.id
  const me = useCloudQuery(fetchMe)
  const live = useCloudQuery(() => (id ? fetchLive(id) : Promise.resolve(undefined)), [id])
  useEffect(() => {
    if (id) void Taro.setNavigationBarTitle({ title: '编辑直播预告' })
  }, [id])

  if ((me.loading && !me.data) || (id && live.loading && !live.data)) return <PageShell><Loading /></PageShell>
  if (me.error) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data || !isLeader(me.data.roles)) return <PageShell><AccessDenied who='团长' /></PageShell>
  if (live.error) return <PageShell><ErrorState message={live.error.message} onRetry={live.reload} /></PageShell>
  return (
    <PageShell>
      <LiveForm key={live.data?.id ?? 'new'} original={live.data} onSaved={backToList} />
    </PageShell>
  )
}
