import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { ContestView } from '../../../../../domain/content'
import { useState } from 'react'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { PageShell } from '../../../../components/PageShell'
import { RankingList } from '../../../../components/content/RankingList'
import { WinnerList } from '../../../../components/content/WinnerList'
import { messageOf } from '../../../../components/content/errors'
import { shortTime } from '../../../../components/content/format'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { isLeader } from '../../../../components/staff/roles'
import { Button, Card, EmptyState, ErrorState, Loading, Tag } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { useSubmit } from '../../../../hooks/useSubmit'
import { closeContest, fetchContests, fetchRanking } from '../../../../services/content'
import { fetchMe } from '../../../../services/member'
import { ContestForm } from '../../components/content/ContestForm'

export default function LeaderContestsPage() {
  const me = useCloudQuery(fetchMe)
  const contests = useCloudQuery(fetchContests)
  const [selected, setSelected] = useState<string>()
  usePullToRefresh(contests.reload, contests.loading)
  const ranking = useCloudQuery(() => (selected ? fetchRanking(selected) : Promise.resolve(undefined)), [selected])
  const closing = useSubmit(async (c: ContestView) => {
    const answer = await Taro.showModal({
      title: `结束「${c.title}」？`,
      content: '结束后不能再参加，按其他妈妈的点赞数公布前三名并通知获奖妈妈，不能撤销',
      // WeChat refuses a confirm label longer than 4 Chinese characters (the dialog never opens)
      confirmText: '结束公布',
    })
    if (!answer.confirm) return
    try {
      const { contest } = await closeContest(c.id)
      await Taro.showToast({ title: contest.winners?.length ? '已公布获奖名单' : '已结束，没有获奖作品', icon: 'none' })
      contests.reload()
      setSelected(c.id)
      ranking.reload()
    } catch (e) {
      await Taro.showToast({ title: messageOf(e), icon: 'none' })
    }
  })

  if ((me.loading && !me.data) || (contests.loading && !contests.data)) return <PageShell><Loading /></PageShell>
  if (me.error) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data || !isLeader(me.data.roles)) return <PageShell><AccessDenied who='团长' /></PageShell>
  const items = contests.data?.items ?? []
  return (
    <PageShell>
      <ContestForm
        onCreated={(id) => {
          contests.reload()
          setSelected(id)
        }}
      />
      {contests.error ? <ErrorState message={contests.error.message} onRetry={contests.reload} /> : null}
      {!contests.error && items.length === 0 ? <EmptyState icon='🏆' title='还没有活动' hint='发起一个主题活动，让妈妈们晒出宝宝的精彩瞬间' /> : null}
      {items.map((c) => (
        <Card key={c.id} title={c.title}>
          <View>
            {c.open ? <Tag tone='trust'>进行中</Tag> : <Tag tone='neutral'>{c.closedAt ? '已公布获奖' : '已截止'}</Tag>}
            <Text className='caption'>{shortTime(c.deadline)} 截止</Text>
          </View>
          <Text className='muted'>{c.theme}</Text>
          <WinnerList contest={c} />
          <View className='stack c-contest-actions'>
            {c.closedAt ? null : (
              <Button variant='secondary' loading={closing.submitting} onClick={() => void closing.run(c)} testId={`close-${c.id}`}>
                结束并公布获奖
              </Button>
            )}
            {selected === c.id ? (
              <View className='stack' data-testid={`ranking-${c.id}`}>
                {ranking.loading && !ranking.data ? <Loading /> : null}
                {ranking.error ? <ErrorState message={ranking.error.message} onRetry={ranking.reload} /> : null}
                {ranking.data ? <RankingList items={ranking.data.items} limit={50} heading={c.closedAt ? '点赞排行' : undefined} /> : null}
                <Button variant='ghost' onClick={ranking.reload}>刷新排行</Button>
              </View>
            ) : (
              <Button variant='secondary' onClick={() => setSelected(c.id)}>查看排行</Button>
            )}
          </View>
        </Card>
      ))}
    </PageShell>
  )
}
