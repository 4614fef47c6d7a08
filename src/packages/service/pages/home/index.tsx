import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { isService } from '../../../../components/staff/roles'
import { Card, ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchMe } from '../../../../services/member'
import { ComingQueue } from '../../components/ComingQueue'

/** Customer service's home: until the follow-up queue exists, it says what her console will hold. */
export default function ServiceHomePage() {
  const me = useCloudQuery(fetchMe)
  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error && !me.data) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data || !isService(me.data.roles)) return <PageShell><AccessDenied who='客服' /></PageShell>
  return (
    <PageShell>
      <View>
        <Text className='headline'>{`你好，${me.data.nickname ?? '客服'}`}</Text>
        <View>
          <Text className='caption'>收货三天后的回访，是妈妈们复购的开始</Text>
        </View>
      </View>
      <ComingQueue />
      <Card title='回访小贴士'>
        <Text className='muted'>先问宝宝用得怎么样，再问妈妈的感受；遇到过敏、破损等问题，记下来当天跟进。</Text>
      </Card>
    </PageShell>
  )
}
