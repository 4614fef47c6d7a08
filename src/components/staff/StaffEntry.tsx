import Taro from '@tarojs/taro'
import type { Role } from '../../../domain/roles'
import { LinkList, type LinkItem } from '../member/LinkList'
import { isLeader, isService, LEADER_HOME, SERVICE_HOME } from './roles'

export function staffLinks(roles: readonly Role[]): LinkItem[] {
  const links: LinkItem[] = []
  if (isLeader(roles)) links.push({ label: '团长工作台', hint: '审核、答疑、干货、活动、会员，一处进入', onOpen: () => void Taro.navigateTo({ url: LEADER_HOME }) })
  if (isService(roles)) links.push({ label: '客服工作台', hint: '售后回访', onOpen: () => void Taro.navigateTo({ url: SERVICE_HOME }) })
  return links
}

/** The staff's door to their consoles; nothing for a mother without a role. */
export function StaffEntry(props: { roles: readonly Role[] }) {
  const links = staffLinks(props.roles)
  return links.length > 0 ? <LinkList title='工作台' links={links} /> : null
}
