import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { ROLE_LABELS } from '../../../../../domain/labels'
import type { MemberSummary } from '../../../../../domain/member'
import type { Role } from '../../../../../domain/roles'
import { PageShell } from '../../../../components/PageShell'
import { AccessDenied } from '../../../../components/member/AccessDenied'
import { LoadMore } from '../../../../components/member/LoadMore'
import { RoleRow } from '../../../../components/member/RoleRow'
import { Button, EmptyState, ErrorState, Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { usePagedQuery } from '../../../../hooks/usePagedQuery'
import { useSubmit } from '../../../../hooks/useSubmit'
import { CloudError } from '../../../../services/cloud'
import { fetchMe, listMembers, setRoles } from '../../../../services/member'

function RoleConsole(props: { selfOpenid: string }) {
  const [draft, setDraft] = useState('')
  const [keyword, setKeyword] = useState('')
  const people = usePagedQuery((page, size) => listMembers({ keyword }, page, size), (m) => m.openid, [keyword])

  const toggle = useSubmit(async (m: MemberSummary, role: Role) => {
    const granting = !m.roles.includes(role)
    const answer = await Taro.showModal({
      title: granting ? `授予${ROLE_LABELS[role]}` : `收回${ROLE_LABELS[role]}`,
      content: `确定${granting ? '授予' : '收回'}「${m.nickname || '这位用户'}」的${ROLE_LABELS[role]}权限吗？`,
    })
    if (!answer.confirm) return
    const roles = granting ? [...m.roles, role] : m.roles.filter((r) => r !== role)
    try {
      const result = await setRoles(m.openid, roles)
      people.update(m.openid, { roles: result.roles })
      await Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (e) {
      await Taro.showToast({ title: e instanceof CloudError ? e.message : '没有保存成功，请重试', icon: 'none' })
    }
  })

  return (
    <>
      <View className='m-search'>
        <Input className='m-input' value={draft} maxlength={20} placeholder='输入昵称查找' data-testid='role-keyword' onInput={(e) => setDraft(e.detail.value)} onConfirm={() => setKeyword(draft)} />
        <Button variant='secondary' onClick={() => setKeyword(draft)}>查找</Button>
      </View>
      {people.loading ? <Loading /> : null}
      {people.error ? <ErrorState message={people.error.message} onRetry={people.reload} /> : null}
      {!people.loading && !people.error && people.items.length === 0 ? <EmptyState icon='🔍' title='没有找到这位用户' hint='她需要先提交入群申请' /> : null}
      {people.items.map((m) => (
        <RoleRow key={m.openid} member={m} self={m.openid === props.selfOpenid} busy={toggle.submitting} onToggle={(r) => void toggle.run(m, r)} />
      ))}
      <LoadMore count={people.items.length} hasMore={people.hasMore} loading={people.loadingMore} onMore={people.loadMore} />
    </>
  )
}

export default function RolesPage() {
  const me = useCloudQuery(fetchMe)
  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error && !me.data) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  if (!me.data?.roles.includes('admin')) return <PageShell><AccessDenied who='管理员' /></PageShell>
  return (
    <PageShell>
      <View>
        <Text className='title'>角色管理</Text>
        <View>
          <Text className='caption'>团长审核入群、发布内容；客服做售后回访；管理员分配角色</Text>
        </View>
      </View>
      <RoleConsole selfOpenid={me.data.openid} />
    </PageShell>
  )
}
