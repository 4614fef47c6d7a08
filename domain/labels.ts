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
  koc: '体验官',
}

/**
 * The landing page's words. The H5 build also draws them, as static HTML, before its scripts
 * have loaded (config/landing-shell.ts), so both read them from here.
 */
export const LANDING = {
  headline: '亲亲宝贝 · 妈妈圈',
  caption: '真实妈妈的信任社群',
  apply: '申请加入妈妈圈',
  introTitle: '这里是什么样的社群',
  intro: '亲亲宝贝妈妈圈是一个经过审核的真实妈妈社群：每天的育儿干货、专家答疑、宝宝成长日记，还有只对会员开放的放心好物接龙。',
} as const

/** The community's promises, shown to visitors before they apply. */
export const PROMISES = [
  { title: '每罐可溯源', text: '每一罐都有溯源码，报关单、质检报告直播前公开' },
  { title: '会员专享接龙', text: '限量接龙只对审核通过的妈妈开放，不超卖' },
  { title: '到货三天回访', text: '客服在收货三天后电话回访，问题当天跟进' },
  { title: '真实口碑', text: '评价来自真实购买的妈妈，优秀者可成为体验官' },
] as const
