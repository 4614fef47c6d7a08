// Development identities: the demo seed writes their member records; the H5 identity picker offers them.
export const DEMO_IDENTITIES = [
  { openid: 'demo-visitor', label: '访客（未申请）' },
  { openid: 'demo-pending', label: '待审核妈妈' },
  { openid: 'demo-mother', label: '妈妈会员 · 小雨妈妈' },
  { openid: 'demo-mother-2', label: '妈妈会员 · 乐乐妈妈' },
  { openid: 'demo-mother-3', label: '妈妈会员 · 糖糖妈妈' },
  { openid: 'demo-leader', label: '团长 · 阿敏' },
  { openid: 'demo-cs', label: '客服 · 小周' },
  { openid: 'demo-admin', label: '管理员' },
] as const

export const DEV_OPENID_KEY = 'qq.devOpenid'
export const DEFAULT_DEV_OPENID = 'demo-mother'
