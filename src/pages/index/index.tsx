import { Text, View } from '@tarojs/components'
import { PROMISES, STATUS_LABELS } from '../../../domain/labels'
import { PageShell } from '../../components/PageShell'
import { Card, EmptyState, ErrorState, Loading, Tag } from '../../components/ui'
import { useCloudQuery } from '../../hooks/useCloud'
import { fetchMe } from '../../services/member'

export default function HomePage() {
  const me = useCloudQuery(fetchMe)
  return (
    <PageShell>
      <View>
        <Text className='headline'>亲亲宝贝 · 妈妈圈</Text>
        <Text className='caption'>真实妈妈的信任社群</Text>
      </View>
      {me.loading && !me.data ? <Loading /> : null}
      {me.error ? <ErrorState message={me.error.message} onRetry={me.reload} /> : null}
      {me.data ? (
        me.data.status === 'member' ? (
          <Card title={`欢迎回来${me.data.nickname ? `，${me.data.nickname}` : ''}`}>
            {me.data.stage ? <Tag tone='trust'>{me.data.stage}</Tag> : null}
            <EmptyState icon='📺' title='明天的直播预告还没发布' hint='团长发布后会第一时间出现在这里' />
          </Card>
        ) : (
          <Card title={`会员状态：${STATUS_LABELS[me.data.status]}`}>
            <View className='stack'>
              {PROMISES.map((p) => (
                <View key={p.title}>
                  <Text className='title'>{p.title}</Text>
                  <View>
                    <Text className='muted'>{p.text}</Text>
                  </View>
                </View>
              ))}
            </View>
          </Card>
        )
      ) : null}
    </PageShell>
  )
}
