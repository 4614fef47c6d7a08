import Taro, { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { DiaryView } from '../../../domain/content'
import { contentSchemas } from '../../../domain/schemas/content'
import { PageShell } from '../../components/PageShell'
import { DiaryCard } from '../../components/content/DiaryCard'
import { DiaryComposer } from '../../components/content/DiaryComposer'
import { RankingList } from '../../components/content/RankingList'
import { confirmAndRemove } from '../../components/content/removal'
import { OwnerActions, TextEditor } from '../../components/content/TextEditor'
import { WinnerList } from '../../components/content/WinnerList'
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
import { deleteDiary, editDiary, fetchContests, fetchDiaries, fetchRanking, likeDiary } from '../../services/content'
import { diaryShare, sharedItem } from '../../services/share'

/** Other mothers' babies first; her own post is one tap on the floating ＋. */
export default function DiaryPage() {
  const params = useRouter().params
  // a winner's notice opens the page on its contest
  const [contestId, setContestId] = useState<string | undefined>(params.contestId || undefined)
  const [composing, setComposing] = useState(false)
  const [editing, setEditing] = useState<string>()
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

  async function saveEdit(d: DiaryView, text: string) {
    await editDiary(d.id, text)
    diaries.update(d.id, { text })
    setEditing(undefined)
    if (contestId) ranking.reload()
    await Taro.showToast({ title: '已修改', icon: 'none' })
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

  const ownerOf = (d: DiaryView) => <OwnerActions onEdit={() => setEditing(d.id)} onDelete={() => void remove(d)} />
  const editorOf = (d: DiaryView) =>
    editing === d.id ? (
      <TextEditor
        label='修改这条日记'
        initial={d.text}
        max={200}
        schema={contentSchemas.editDiary.shape.text}
        onSave={(text) => saveEdit(d, text)}
        onCancel={() => setEditing(undefined)}
        testId={`edit-${d.id}`}
      />
    ) : undefined

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
      {sharedDiary ? <DiaryCard diary={sharedDiary} shared onLike={() => void like(sharedDiary)} editor={editorOf(sharedDiary)} owner={ownerOf(sharedDiary)} /> : null}
      {rest.map((d) => (
        <DiaryCard key={d.id} diary={d} onLike={() => void like(d)} editor={editorOf(d)} owner={ownerOf(d)} />
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
