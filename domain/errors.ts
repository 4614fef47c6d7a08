// Stable error codes of the function envelope (docs/API.md). Messages are Chinese, fit to show a mother.
export const ERROR_CODES = [
  'BAD_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_MEMBER',
  'NOT_FOUND',
  'CONFLICT',
  'SOLD_OUT',
  'LIMIT_EXCEEDED',
  'CHAIN_CLOSED',
  'CONTENT_REJECTED',
  'RATE_LIMITED',
  'INTERNAL',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  BAD_INPUT: '填写的内容有误，请检查后再试',
  UNAUTHENTICATED: '请在微信中打开并登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_MEMBER: '请先加入亲亲宝贝社群，审核通过后即可使用',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '操作冲突，请刷新后再试',
  SOLD_OUT: '手慢了，已经被抢完啦',
  LIMIT_EXCEEDED: '已超过每人限购数量',
  CHAIN_CLOSED: '接龙未开始或已截止',
  CONTENT_REJECTED: '内容未通过安全检查，请修改后再发',
  RATE_LIMITED: '操作太频繁了，请稍后再试',
  INTERNAL: '系统开小差了，请稍后再试',
}

/** A rule was broken on purpose-known ground; the router turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode
  constructor(code: ErrorCode, message: string = DEFAULT_MESSAGES[code]) {
    super(message)
    this.name = 'AppError'
    this.code = code
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError || (typeof e === 'object' && e !== null && (e as { name?: string }).name === 'AppError')
}
