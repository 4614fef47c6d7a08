import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useCallback } from 'react'
import { isAskable, isOver, PHASE_LABELS } from '../../../../../domain/live-display'
import { PageShell } from '../../../../components/PageShell'
import { CloudImage } from '../../../../components/content/CloudImage'
import { ShareButton } from '../../../../components/content/ShareButton'
import { TRACE_LOOKUP, LIVE_LIST } from '../../../../components/live/entries'
import { Banner } from '../../../../components/member/Banner'
import { MembersOnly } from '../../../../components/member/MembersOnly'
import { Button, Card, EmptyState, ErrorState, Loading, Tag } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { useReloadOnShow } from '../../../../hooks/useReloadOnShow'
import { useShare } from '../../../../hooks/useShare'
import { fetchLive, fetchLiveQa } from '../../../../services/live'
import { AfterLive } from '../../components/AfterLive'
import { AskBox } from '../../components/AskBox'
import { EvidenceGallery } from '../../components/EvidenceGallery'
import { HostCard } from '../../components/HostCard'
import { LiveQa } from '../../components/LiveQa'
import { LiveTiming } from '../../components/LiveTiming'
import { ProductList } from '../../components/ProductList'
import { RemindButton } from '../../components/RemindButton'
import { usePolling } from '../../../../hooks/usePolling'
import { liveShare } from '../../services/share'
import '../../components/styles'

/** How often the Q&A refreshes while the page is on screen before and during the live. */
const QA_POLL_MS = 15_000

/** One live preview: when, who, where, what, the evidence, 提醒我, questions; after it, the replay. */
export default function LiveDetailPage() {
  const params = useRouter().params
  const id = params.id ?? ''
  const shared = params.shared === '1'
  const live = useCloudQuery(() => fetchLive(id), [id])
  const qa = useCloudQuery(() => fetchLiveQa(id)(1, 50), [id])
  const phase = live.data?.phase
  const { reload: reloadLive } = live
  const { reload: reloadQa } = qa
  const reload = useCallback(() => {
    reloadLive()
    reloadQa()
  }, [reloadLive, reloadQa])
  useReloadOnShow(reload)
  usePullToRefresh(reload, live.loading)
  usePolling(qa.reload, QA_POLL_MS, Boolean(phase && isAskable(phase)))
  useShare(() => (live.data ? liveShare(live.data) : undefined))

  const code = live.error?.code
  if (code === 'NOT_MEMBER') {
    return (
      <PageShell>
        {shared ? <Banner tone='info'>好友分享了一场直播预告，加入妈妈圈、审核通过后就能看主播、证据和开播提醒</Banner> : null}
        <MembersOnly what='直播预告' icon='📺' />
      </PageShell>
    )
  }
  if (code === 'NOT_FOUND') {
    return (
      <PageShell>
        <EmptyState
          icon='📺'
          title='这场直播不存在或已下线'
          hint='看看其他直播预告吧'
          action={<Button variant='secondary' onClick={() => void Taro.redirectTo({ url: LIVE_LIST })}>全部直播</Button>}
        />
      </PageShell>
    )
  }
  const data = live.data
  if (!data) {
    return <PageShell>{live.error ? <ErrorState message={live.error.message} onRetry={live.reload} /> : <Loading />}</PageShell>
  }
  return (
    <PageShell>
      {shared ? <Tag tone='warn'>好友分享给你</Tag> : null}
      {data.coverFileID ? <CloudImage className='l-cover' fileID={data.coverFileID} alt={data.title} /> : null}
      <Card>
        <View className='l-head'>
          <View className='row wrap'>
            <Tag tone='trust'>{`${data.sceneLabel}直播`}</Tag>
            <Tag tone={data.phase === 'cancelled' ? 'neutral' : data.phase === 'onAir' ? 'brand' : 'warn'}>{PHASE_LABELS[data.phase]}</Tag>
          </View>
          <Text className='l-title'>{data.title}</Text>
        </View>
        <LiveTiming live={data} onStarted={live.reload} />
        <View className='row-between l-share'>
          <Text className='caption'>{`主播 ${data.host.name} · ${data.sceneLabel}现场`}</Text>
          <ShareButton shareKey='live' content={liveShare(data)} />
        </View>
      </Card>
      <RemindButton live={data} />
      <HostCard host={data.host} />
      <ProductList products={data.products} />
      <EvidenceGallery evidence={data.evidence} />
      {isOver(data.phase) ? <AfterLive live={data} /> : null}
      {isAskable(data.phase) ? <AskBox liveId={data.id} /> : null}
      {data.phase !== 'cancelled' ? <LiveQa qa={qa} live={isAskable(data.phase)} /> : null}
      <Card>
        <View className='row-between' role='link' data-testid='live-trace-entry' onClick={() => void Taro.navigateTo({ url: TRACE_LOOKUP })}>
          <View className='c-entry__text'>
            <Text className='title'>🔍 收到货后查验溯源码</Text>
            <View>
              <Text className='caption'>每罐罐底都有溯源码，批次、报关单、质检报告一查便知</Text>
            </View>
          </View>
          <Text className='muted c-entry__go'>去查验 ›</Text>
        </View>
      </Card>
    </PageShell>
  )
}
