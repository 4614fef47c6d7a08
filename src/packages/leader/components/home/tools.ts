// Every leader tool, in one table: the 工作台 lists them, so a new console (live previews, chains,
// fulfilment) joins by adding a row here — never by another link somewhere else in the app.
import type { Role } from '../../../../../domain/roles'

export interface LeaderTool {
  key: string
  icon: string
  label: string
  hint: string
  url: string
  /** who sees it; every leader tool is also open to an admin */
  only?: Role
}

export const LEADER_TOOLS: readonly LeaderTool[] = [
  { key: 'review', icon: '📝', label: '入群审核', hint: '按申请先后处理新妈妈', url: '/packages/leader/pages/review/index' },
  { key: 'answer', icon: '💬', label: '回答提问', hint: '妈妈们的问题，先问先答', url: '/packages/leader/pages/posts/index?tab=answer' },
  { key: 'publish', icon: '📖', label: '发布干货', hint: '育儿干货、专家文章，可按标签推送', url: '/packages/leader/pages/posts/index?tab=publish' },
  { key: 'contests', icon: '🏆', label: '晒娃活动', hint: '发起主题活动，查看排行', url: '/packages/leader/pages/contests/index' },
  { key: 'lives', icon: '📺', label: '直播预告', hint: '预告、证据、直播问答', url: '/packages/leader/pages/lives/index' },
  { key: 'trace', icon: '🔍', label: '溯源码', hint: '导入批次和罐底码', url: '/packages/leader/pages/trace/index' },
  { key: 'members', icon: '👩‍👧', label: '会员管理', hint: '按状态、标签查找会员，打标签', url: '/packages/leader/pages/members/index' },
  { key: 'roles', icon: '🔑', label: '角色管理', hint: '授予或收回团长、客服、管理员', url: '/packages/leader/pages/roles/index', only: 'admin' },
]

export function toolsFor(roles: readonly Role[]): LeaderTool[] {
  return LEADER_TOOLS.filter((t) => !t.only || roles.includes(t.only))
}
