import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

// Chinese fallback messages for anything a schema does not phrase itself.
z.config(zhCN())

// Control characters (NUL, escapes, …) have no business in anything a person types, and some
// break the database's query parser; a multi-line text keeps its line breaks and tabs.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL_CHARS = /^[^\u0000-\u001F\u007F]*$/
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NO_CONTROL_CHARS_EXCEPT_LINES = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/
export const CONTROL_CHAR_MESSAGE = '不能包含特殊控制字符'

/** The one primitive for single-line text (names, titles, ids): trimmed, no control characters. */
export const line = () => z.string().trim().regex(NO_CONTROL_CHARS, CONTROL_CHAR_MESSAGE)

/** Multi-line text (post bodies, answers, themes): line breaks and tabs allowed, other control characters not. */
export const paragraph = () => z.string().trim().regex(NO_CONTROL_CHARS_EXCEPT_LINES, CONTROL_CHAR_MESSAGE)

export const isoDate = line().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效的日期')

export const isoDateTime = z.iso.datetime({ offset: true, message: '时间格式应为 ISO-8601，例如 2026-12-01T20:00:00+08:00' })

export const chinaMobile = z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号')

export const openid = line().min(1, '缺少 openid').max(64)

export const noInput = z.object({}).strict()

export const page = z.number().int().min(1, '页码从 1 开始').max(1000).default(1)
export const pageSize = z.number().int().min(1).max(50, '每页最多 50 条').default(20)
export const tagName = line().min(1, '标签不能为空').max(20, '标签最多 20 个字')
export const docId = line().min(1, '缺少编号').max(64)

/**
 * The client's id for one submit attempt (reused when the same submit is retried), so a create
 * whose answer was lost is not stored twice. Letters, digits, `-` and `_`.
 */
export const requestId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, '请求编号应为 8–64 位字母、数字、- 或 _')
