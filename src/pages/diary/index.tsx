import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DiaryView } from '../../../domain/content'
import { PageShell } from '../../components/PageShell'
import { DiaryCard } from '../../components/content/DiaryCard'
import { DiaryComposer } from '../../components/content/DiaryComposer'
import { RankingList } from '../../components/content/RankingList'
import { messageOf } from '../../components/content/errors'
import { shortTime } from '../../components/content/format'
import { Chip } from '../../components/member/Chip'
import { LoadMore } from '../../components/member/LoadMore'
import { MembersOnly } from '../../components/member/MembersOnly'
import { SharedTeaser } from '../../components/member/SharedTeaser'
import { Card, EmptyState, ErrorState, Loading } from '../../components/ui'
import { useCloudQuery } from '../../hooks/useCloud'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'
import { useReloadOnShow } from '../../hooks/useReloadOnShow'
import { useShare } from '../../hooks/useShare'
import { fetchContests, fetchDiaries, fetchRanking, likeDiary } from '../../services/content'
import { diaryShare, sharedItem } from '../../services/share'

/** Other mothers' babies first; her own post is one tap on the floating ＋. */
export default function DiaryPage() {
  const [contestId, setContestId] = useState<string>()
  const [composing, setComposing] = useState(false)
  const shared = sharedItem(useRouter().params, 'diary')
  const contests = useCloudQuery(fetchContests)
  const diaries = usePagedQuery(fetchDiaries(contestId), (d) => d.id, [contestId])
  const ranking = useCloudQuery(() => (contestId ? fetchRanking(contestId) : Promise.resolve(undefined)), [contestId])
  useReloadOnShow(diaries.reload)
  usePullToRefresh(() => {
    diaries.reload()
    contests.reload()
    ranking.reload()
  }, diaries.loading)
  useShare((key) => {
    const d = key?.startsWith('diary:') ? diaries.items.find((x) => `diary:${x.id}` === key) : undefined
    return d ? diaryShare(d) : undefined
  })
  const contest = contests.data?.items.find((c) => c.id === contestId)

  async function like(d: DiaryView) {
    if (d.likedByMe) {
      await Taro.showToast({ title: '已经赞过啦', icon: 'none' })
      return
    }
    // show the heart at once; the function's count is the truth once it answers
    diaries.update(d.id, { likedByMe: true, likeCount: d.likeCount + 1 })
    try {
      const res = await likeDiary(d.id)
      diaries.update(d.id, { likedByMe: true, likeCount: res.likeCount })
      if (contestId) ranking.reload()
    } catch (e) {
      diaries.update(d.id, { likedByMe: d.likedByMe, likeCount: d.likeCount })
      await Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  }

  function posted(entered?: string) {
    setComposing(false)
    if (entered && entered !== contestId) setContestId(entered)
    else {
      diaries.reload()
      ranking.reload()
    }
  }

  if (diaries.error?.code === 'NOT_MEMBER') {
    return (
      <PageShell>
        {shared ? <SharedTeaser kind='diary' title={shared.title} /> : null}
        <MembersOnly what='晒娃日记' icon='📷' />
      </PageShell>
    )
  }
  const sharedDiary = shared ? diaries.items.find((d) => d.id === shared.id) : undefined
  const rest = sharedDiary ? diaries.items.filter((d) => d !== sharedDiary) : diaries.items
  return (
    <PageShell>
      {composing ? <DiaryComposer contests={contests.data?.items ?? []} onPosted={posted} onCancel={() => setComposing(false)} /> : null}
      {(contests.data?.items.length ?? 0) > 0 ? (
        <View className='row wrap'>
          <Chip label='全部日记' selected={!contestId} onToggle={() => setContestId(undefined)} />
          {contests.data?.items.map((c) => (
            <Chip key={c.id} label={`${c.open ? '🔥' : '🏁'} ${c.title}`} selected={contestId === c.id} onToggle={() => setContestId(c.id)} />
          ))}
        </View>
      ) : null}
      {contest ? (
        <Card title={`${contest.title} · 排行榜`}>
          <Text className='caption'>
            {contest.theme}（{contest.open ? `${shortTime(contest.deadline)} 截止` : '已截止'}）
          </Text>
          {ranking.loading && !ranking.data ? <Loading /> : null}
          {ranking.error ? <ErrorState message={ranking.error.message} onRetry={ranking.reload} /> : null}
          {ranking.data ? <RankingList items={ranking.data.items} /> : null}
        </Card>
      ) : null}
      {diaries.loading && diaries.items.length === 0 ? <Loading /> : null}
      {diaries.error ? <ErrorState message={diaries.error.message} onRetry={diaries.items.length > 0 ? diaries.loadMore : diaries.reload} /> : null}
      {!diaries.loading && !diaries.error && diaries.items.length === 0 ? (
        <EmptyState icon='📷' title='还没有晒娃日记' hint='点右下角的 ＋，发第一条，记录宝宝的成长吧' />
      ) : null}
      {sharedDiary ? <DiaryCard diary={sharedDiary} shared onLike={() => void like(sharedDiary)} /> : null}
      {rest.map((d) => (
        <DiaryCard key={d.id} diary={d} onLike={() => void like(d)} />
      ))}
      <LoadMore count={diaries.items.length} hasMore={diaries.hasMore} loading={diaries.loadingMore} onMore={diaries.loadMore} />
      {composing ? null : (
        <View
          className='ui-fab'
          role='button'
          aria-label='晒晒宝宝'
          data-testid='diary-compose'
          onClick={() => {
            setComposing(true)
            void Taro.pageScrollTo({ scrollTop: 0, duration: 200 })
          }}
        >
          <Text>＋</Text>
        </View>
      )}
    </PageShell>
  )
}
