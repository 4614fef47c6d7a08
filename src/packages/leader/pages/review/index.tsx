import { PageShell } from '../../../../components/PageShell'
import { EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchMe } from '../../../../services/member'

export default function ReviewPage() {
  const me = useCloudQuery(fetchMe)
  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  const allowed = me.data?.roles.some((r) => r === 'leader' || r === 'admin')
  return (
    <PageShell>
      {allowed ? (
        <EmptyState icon='📝' title='暂无待审核的申请' hint='新妈妈提交申请后会按时间顺序出现在这里' />
      ) : (
        <EmptyState icon='🔒' title='仅团长可以查看' />
      )}
    </PageShell>
  )
}
