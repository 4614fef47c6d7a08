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
  // live + trace
  host: '主播',
  name: '名字',
  intro: '介绍',
  scene: '场景',
  startAt: '开播时间',
  products: '商品',
  chainId: '接龙',
  evidence: '证据',
  fileID: '文件',
  finderUserName: '视频号',
  replayUrl: '回放链接',
  highlights: '精彩片段',
  liveId: '直播',
  accepted: '订阅',
  to: '处理方式',
  state: '状态',
  batchNo: '批次号',
  product: '商品',
  producedAt: '生产日期',
  expiresAt: '保质期至',
  customsNo: '报关单号',
  qualityReportFileID: '质检报告',
  codes: '溯源码',
  csv: '溯源码文件',
  code: '溯源码',
  // chains
  spec: '规格',
  unit: '单位',
  priceFen: '专享价',
  originalPriceFen: '原价',
  quota: '限量',
  perPersonLimit: '每人限购',
  openAt: '开始时间',
  minToForm: '成团数量',
  firstNGift: '前 N 名赠品',
  gift: '赠品',
  kocEarlyMinutes: '体验官提前分钟数',
  promises: '售后承诺',
  qty: '数量',
  address: '收货地址',
  region: '省市区',
  detail: '详细地址',
  entryId: '接龙记录',
  entryIds: '接龙记录',
  courier: '快递公司',
  trackingNo: '快递单号',
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
