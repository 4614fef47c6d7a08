import { z } from 'zod'
import zhCN from 'zod/v4/locales/zh-CN.js'

// Chinese fallback messages for anything a schema does not phrase itself.
z.config(zhCN())

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => !Number.isNaN(new Date(`${s}T00:00:00Z`).getTime()) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '不是有效的日期')

export const isoDateTime = z.iso.datetime({ offset: true, message: '时间格式应为 ISO-8601，例如 2026-12-01T20:00:00+08:00' })

export const chinaMobile = z.string().regex(/^1[3-9]\d{9}$/, '请填写 11 位手机号')

export const openid = z.string().min(1, '缺少 openid').max(64)

export const noInput = z.object({}).strict()

export const page = z.number().int().min(1, '页码从 1 开始').max(1000).default(1)
export const pageSize = z.number().int().min(1).max(50, '每页最多 50 条').default(20)
export const tagName = z.string().trim().min(1, '标签不能为空').max(20, '标签最多 20 个字')
export const docId = z.string().trim().min(1, '缺少编号').max(64)
