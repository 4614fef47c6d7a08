import { z } from 'zod'
import { chinaMobile, isoDate, noInput, openid } from './common'
import { ROLES } from '../roles'

export const NEEDS = ['过敏体质', '敏感肌', '辅食添加', '早产', '其它'] as const

export const memberSchemas = {
  me: noInput,
  apply: z.object({
    babyBirthDate: isoDate,
    needs: z.array(z.string().trim().min(1).max(30, '每项需求最多 30 个字')).max(8, '需求最多选 8 项'),
    nickname: z.string().trim().min(1, '请填写昵称').max(20, '昵称最多 20 个字'),
    phone: chinaMobile.optional(),
    city: z.string().trim().max(20, '城市最多 20 个字').optional(),
  }).strict(),
  review: z.object({
    openid,
    decision: z.enum(['approve', 'reject'], { message: '审核结果只能是 approve 或 reject' }),
    note: z.string().trim().max(200, '备注最多 200 个字').optional(),
    tags: z.array(z.string().trim().min(1).max(20)).max(20).optional(),
  }).strict(),
  setRoles: z.object({
    openid,
    roles: z.array(z.enum(ROLES)).max(ROLES.length),
  }).strict(),
}

export type ApplyInput = z.infer<typeof memberSchemas.apply>
export type ReviewInput = z.infer<typeof memberSchemas.review>
