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
  // content
  title: '标题',
  body: '正文',
  kind: '类型',
  targetTags: '目标标签',
  coverFileID: '封面',
  question: '问题',
  answer: '回答',
  id: '编号',
  text: '文字',
  photoFileID: '照片',
  contestId: '活动',
  theme: '主题',
  deadline: '截止时间',
  page: '页码',
  pageSize: '每页条数',
  mine: '只看我的',
  requestId: '请求编号',
  keyword: '关键词',
  status: '状态',
  add: '添加的标签',
  remove: '移除的标签',
  confirm: '确认',
  phoneCode: '手机号授权',
  privacyConsent: '隐私协议',
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
