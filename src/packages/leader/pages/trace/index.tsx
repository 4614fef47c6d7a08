import { PageShell } from '../../../../components/PageShell'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { isLeader } from '../../../../components/staff/roles'
import { ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchMe } from '../../../../services/member'
import { TraceImport } from '../../components/trace/TraceImport'

/** 溯源码: import a batch and the codes printed on its cans. */
export default function LeaderTracePage() {
  const me = useCloudQuery(fetchMe)
  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data || !isLeader(me.data.roles)) return <PageShell><AccessDenied who='团长' /></PageShell>
  return (
    <PageShell>
      <TraceImport />
    </PageShell>
  )
}
