import type { MemberStatus, Role } from './roles'

export const STATUS_LABELS: Record<MemberStatus, string> = {
  visitor: '未加入',
  pending: '审核中',
  member: '正式会员',
  rejected: '未通过',
}

export const ROLE_LABELS: Record<Role, string> = {
  leader: '团长',
  cs: '客服',
  admin: '管理员',
}

/** The community's promises, shown to visitors before they apply. */
export const PROMISES = [
  { title: '每罐可溯源', text: '每一罐都有溯源码，报关单、质检报告直播前公开' },
  { title: '会员专享接龙', text: '限量接龙只对审核通过的妈妈开放，不超卖' },
  { title: '到货三天回访', text: '客服在收货三天后电话回访，问题当天跟进' },
  { title: '真实口碑', text: '评价来自真实购买的妈妈，优秀者可成为体验官' },
] as const
