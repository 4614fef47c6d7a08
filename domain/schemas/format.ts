// Turns schema issues into one Chinese sentence a mother can act on.
export const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  babyBirthDate: '宝宝生日/预产期',
  needs: '需求',
  nickname: '昵称',
  phone: '手机号',
  city: '城市',
  openid: '用户',
  decision: '审核结果',
  note: '备注',
  tags: '标签',
  roles: '角色',
}

export interface IssueLike {
  path: ReadonlyArray<PropertyKey>
  message: string
}

export function describeIssues(issues: readonly IssueLike[]): string {
  const parts = issues.slice(0, 3).map((issue) => {
    const field = issue.path.find((p): p is string => typeof p === 'string')
    const label = field ? (FIELD_LABELS[field] ?? field) : ''
    return label ? `${label}：${issue.message}` : issue.message
  })
  return parts.join('；')
}
