import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { PageShell } from '../../../../components/PageShell'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { LoadMore } from '../../../../components/member/LoadMore'
import { MemberFilters } from '../../../../components/member/MemberFilters'
import { MemberRow } from '../../../../components/member/MemberRow'
import { EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { useTagCounts } from '../../../../hooks/useTagsInUse'
import { usePagedQuery } from '../../../../hooks/usePagedQuery'
import { useSubmit } from '../../../../hooks/useSubmit'
import { CloudError } from '../../../../services/cloud'
import { addTag, listMembers, removeTag, type MemberFilter } from '../../../../services/member'

export default function MembersPage() {
  const [filter, setFilter] = useState<MemberFilter>({})
  const members = usePagedQuery((page, size) => listMembers(filter, page, size), (m) => m.openid, [filter.status, filter.tag, filter.keyword])
  const [openId, setOpenId] = useState<string>()
  const tags = useTagCounts()
  usePullToRefresh(members.reload, members.loading)

  const editTags = useSubmit(async (openid: string, change: { add?: string; remove?: string }) => {
    try {
      const result = change.add ? await addTag(openid, change.add) : await removeTag(openid, change.remove as string)
      members.update(openid, result)
      tags.reload() // a new manual tag becomes a filter; counts move
    } catch (e) {
      await Taro.showToast({ title: e instanceof CloudError ? e.message : '没有保存成功，请重试', icon: 'none' })
    }
  })

  if (members.error?.code === 'FORBIDDEN' || members.error?.code === 'NOT_MEMBER') return <PageShell><AccessDenied who='团长' /></PageShell>
  return (
    <PageShell>
      <MemberFilters value={filter} onChange={setFilter} tags={tags.items} counted={tags.loaded} />
      <Text className='caption'>共 {members.total} 位 · 手机号已打码 · 点昵称管理标签</Text>
      {members.loading ? <Loading /> : null}
      {members.error ? <ErrorState message={members.error.message} onRetry={members.reload} /> : null}
      {!members.loading && !members.error && members.items.length === 0 ? <EmptyState icon='🔍' title='没有找到符合条件的妈妈' hint='换个筛选条件试试' /> : null}
      {members.items.map((m) => (
        <MemberRow
          key={m.openid}
          member={m}
          open={openId === m.openid}
          busy={editTags.submitting}
          onToggle={() => setOpenId(openId === m.openid ? undefined : m.openid)}
          onAddTag={(t) => void editTags.run(m.openid, { add: t })}
          onRemoveTag={(t) => void editTags.run(m.openid, { remove: t })}
        />
      ))}
      <LoadMore count={members.items.length} hasMore={members.hasMore} loading={members.loadingMore} onMore={members.loadMore} />
    </PageShell>
  )
}
