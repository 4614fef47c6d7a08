import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { isLeader } from '../../../../components/staff/roles'
import { ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { useReloadOnShow } from '../../../../hooks/useReloadOnShow'
import { fetchMe } from '../../../../services/member'
import { InboxCard } from '../../components/home/InboxCard'
import { ToolGrid } from '../../components/home/ToolGrid'
import { toolsFor } from '../../components/home/tools'
import { useLeaderInbox } from '../../components/home/useLeaderInbox'

/** The leader's one entry: what waits for her, and every tool she has. */
export default function LeaderHomePage() {
  const me = useCloudQuery(fetchMe)
  const inbox = useLeaderInbox()
  useReloadOnShow(inbox.reload)
  usePullToRefresh(inbox.reload, inbox.loading)

  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error && !me.data) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data || !isLeader(me.data.roles)) return <PageShell><AccessDenied who='团长' /></PageShell>
  return (
    <PageShell>
      <View>
        <Text className='headline'>{`你好，${me.data.nickname ?? '团长'}`}</Text>
        <View>
          <Text className='caption'>新妈妈和新问题都在这里，先处理等得最久的</Text>
        </View>
      </View>
      {inbox.loading && !inbox.data ? <Loading /> : null}
      {inbox.error ? <ErrorState message={inbox.error.message} onRetry={inbox.reload} /> : null}
      {inbox.data ? <InboxCard inbox={inbox.data} /> : null}
      <ToolGrid tools={toolsFor(me.data.roles)} badges={{ lives: inbox.data?.lives?.upcoming ? `${inbox.data.lives.upcoming} 场待开播` : undefined }} />
    </PageShell>
  )
}
