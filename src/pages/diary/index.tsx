import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DiaryView } from '../../../domain/content'
import { pageUrl } from '../../../domain/pages'
import { PageShell } from '../../components/PageShell'
import { DiaryCard } from '../../components/content/DiaryCard'
import { OwnerActions } from '../../components/content/OwnerActions'
import { RankingList } from '../../components/content/RankingList'
import { confirmAndRemove } from '../../components/content/removal'
import { WinnerList } from '../../components/content/WinnerList'
import { messageOf } from '../../components/content/errors'
import { shortTime } from '../../components/content/format'
import { Chip } from '../../components/member/Chip'
import { LoadMore } from '../../components/member/LoadMore'
import { MembersOnly } from '../../components/member/MembersOnly'
import { SharedTeaser } from '../../components/member/SharedTeaser'
import { Card, EmptyState, ErrorState, Loading } from '../../components/ui'
import { useCloudQuery } from '../../hooks/useCloud'
import { useDiaryChanges } from '../../hooks/useDiaryChanges'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'
import { useReloadOnShow } from '../../hooks/useReloadOnShow'
import { useShare } from '../../hooks/useShare'
import { deleteDiary, fetchContests, fetchDiaries, fetchRanking, likeDiary } from '../../services/content'
import { diaryShare, sharedItem } from '../../services/share'

/**
 * Other mothers' babies first; her own post is one tap on the floating ＋. Writing and correcting
 * open the forms subpackage (they validate with the functions' schemas, which the main package
 * does not carry); what they did comes back through `useDiaryChanges`.
 */
export default function DiaryPage() {
  const params = useRouter().params
  // a winner's notice opens the page on its contest
  const [contestId, setContestId] = useState<string | undefined>(params.contestId || undefined)
  const shared = sharedItem(params, 'diary')
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
  // the feed itself reloads when she comes back (useReloadOnShow)
  useDiaryChanges((change) => {
    if (change.kind === 'posted' && change.contestId && change.contestId !== contestId) {
      setContestId(change.contestId)
      return
    }
    if (change.kind === 'edited') diaries.update(change.id, { text: change.text })
    if (contestId) ranking.reload()
  })

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

  async function remove(d: DiaryView) {
    const gone = await confirmAndRemove({
      title: '删除这条日记？',
      content: '删除后照片、文字和收到的赞都会一起删除，不能恢复',
      removeLocally: () => diaries.remove(d.id),
      send: () => deleteDiary(d.id),
      done: '已删除',
    })
    if (gone && contestId) ranking.reload()
  }

  const edit = (d: DiaryView) => void Taro.navigateTo({ url: pageUrl('diaryEdit', { id: d.id, text: d.text, photo: d.photoFileID }) })
  const ownerOf = (d: DiaryView) => <OwnerActions onEdit={() => edit(d)} onDelete={() => void remove(d)} />

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
      {(contests.data?.items.length ?? 0) > 0 ? (
        <View className='row wrap'>
          <Chip label='全部日记' selected={!contestId} onToggle={() => setContestId(undefined)} />
          {contests.data?.items.map((c) => (
            <Chip key={c.id} label={`${c.open ? '🔥' : c.closedAt ? '🏆' : '🏁'} ${c.title}`} selected={contestId === c.id} onToggle={() => setContestId(c.id)} />
          ))}
        </View>
      ) : null}
      {contest ? (
        <Card title={`${contest.title} · 排行榜`}>
          <Text className='caption'>
            {contest.theme}（{contest.open ? `${shortTime(contest.deadline)} 截止` : contest.closedAt ? '已结束并公布获奖' : '已截止'}）
          </Text>
          {ranking.loading && !ranking.data ? <Loading /> : null}
          {ranking.error ? <ErrorState message={ranking.error.message} onRetry={ranking.reload} /> : null}
          <WinnerList contest={contest} />
          {ranking.data ? <RankingList items={ranking.data.items} heading={contest.closedAt ? '点赞排行' : undefined} /> : null}
        </Card>
      ) : null}
      {diaries.loading && diaries.items.length === 0 ? <Loading /> : null}
      {diaries.error ? <ErrorState message={diaries.error.message} onRetry={diaries.items.length > 0 ? diaries.loadMore : diaries.reload} /> : null}
      {!diaries.loading && !diaries.error && diaries.items.length === 0 ? (
        <EmptyState icon='📷' title='还没有晒娃日记' hint='点右下角的 ＋，发第一条，记录宝宝的成长吧' />
      ) : null}
      {sharedDiary ? <DiaryCard diary={sharedDiary} shared onLike={() => void like(sharedDiary)} owner={ownerOf(sharedDiary)} /> : null}
      {rest.map((d) => (
        <DiaryCard key={d.id} diary={d} onLike={() => void like(d)} owner={ownerOf(d)} />
      ))}
      <LoadMore count={diaries.items.length} hasMore={diaries.hasMore} loading={diaries.loadingMore} onMore={diaries.loadMore} />
      <View className='ui-fab' role='button' aria-label='晒晒宝宝' data-testid='diary-compose' onClick={() => void Taro.navigateTo({ url: pageUrl('diaryNew') })}>
        <Text>＋</Text>
      </View>
    </PageShell>
  )
}
