import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../../../components/PageShell'
import { TRACE_LOOKUP } from '../../../../components/live/entries'
import { MembersOnly } from '../../../../components/member/MembersOnly'
import { Card, EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { useReloadOnShow } from '../../../../hooks/useReloadOnShow'
import { useShare } from '../../../../hooks/useShare'
import { fetchLives } from '../../../../services/live'
import { LiveItem } from '../../components/LiveItem'
import '../../components/styles'

/** Every live a member may see: the coming ones soonest first, then the last month's, latest first. */
export default function LiveListPage() {
  const lives = useCloudQuery(fetchLives)
  useReloadOnShow(lives.reload)
  usePullToRefresh(lives.reload, lives.loading)
  useShare(() => ({ title: '亲亲宝贝直播预告：主播、证据、开播提醒都在这里', path: '/packages/live/pages/list/index' }))

  if (lives.error?.code === 'NOT_MEMBER') return <PageShell><MembersOnly what='直播预告' icon='📺' /></PageShell>
  const data = lives.data
  return (
    <PageShell>
      {lives.loading && !data ? <Loading /> : null}
      {lives.error ? <ErrorState message={lives.error.message} onRetry={lives.reload} /> : null}
      {data && data.upcoming.length === 0 && data.recent.length === 0 ? (
        <EmptyState icon='📺' title='近期还没有直播' hint='团长发布直播预告后，首页就能看到' />
      ) : null}
      {data && data.upcoming.length > 0 ? <Text className='l-section'>即将开播</Text> : null}
      {data?.upcoming.map((l) => <LiveItem key={l.id} live={l} />)}
      {data && data.recent.length > 0 ? <Text className='l-section'>往期直播</Text> : null}
      {data?.recent.map((l) => <LiveItem key={l.id} live={l} />)}
      {data ? (
        <Card>
          <View className='row-between' role='link' onClick={() => void Taro.navigateTo({ url: TRACE_LOOKUP })}>
            <Text className='title'>🔍 查验溯源码</Text>
            <Text className='muted c-entry__go'>去查验 ›</Text>
          </View>
        </Card>
      ) : null}
    </PageShell>
  )
}
