import { z } from 'zod'
import { chinaMobile, isoDate, line, noInput, openid, page, pageSize, paragraph, tagName } from './common'
import { ROLES } from '../roles'
import { TEXT_MAX } from '../form-rules'

export const memberSchemas = {
  me: noInput,
  landing: noInput,
  apply: z.object({
    babyBirthDate: isoDate,
    needs: z.array(line().min(1, '需求不能为空').max(TEXT_MAX.need, `每项需求最多 ${TEXT_MAX.need} 个字`)).max(8, '需求最多选 8 项'),
    nickname: line().min(1, '请填写昵称').max(TEXT_MAX.nickname, `昵称最多 ${TEXT_MAX.nickname} 个字`),
    phone: chinaMobile.optional(),
    /** weapp: the code from the phone-number button, exchanged server-side for the number */
    phoneCode: line().min(1).max(128).optional(),
    city: line().max(TEXT_MAX.city, `城市最多 ${TEXT_MAX.city} 个字`).optional(),
    /** the privacy notice version she agreed to; the app sends it with every application */
    privacyConsent: line().min(1).max(20).optional(),
  }).strict(),
  review: z.object({
    openid,
    decision: z.enum(['approve', 'reject'], { message: '审核结果只能是 approve 或 reject' }),
    note: paragraph().max(200, '备注最多 200 个字').optional(),
    tags: z.array(tagName).max(20).optional(),
  }).strict(),
  pending: z.object({ page, pageSize }).strict(),
  list: z.object({
    status: z.enum(['pending', 'member', 'rejected']).optional(),
    tag: tagName.optional(),
    keyword: line().max(20, '关键词最多 20 个字').optional(),
    page,
    pageSize,
  }).strict(),
  tag: z.object({
    openid,
    add: z.array(tagName).max(20).default([]),
    remove: z.array(tagName).max(20).default([]),
  }).strict().refine((v) => v.add.length + v.remove.length > 0, { message: '请至少添加或移除一个标签', path: ['tags'] }),
  setRoles: z.object({
    openid,
    roles: z.array(z.enum(ROLES, { message: '角色只能是 leader、cs、admin 或 koc' })).max(ROLES.length),
  }).strict(),
  export: noInput,
  exportFiles: noInput,
  tagsInUse: noInput,
  deleteAccount: z.object({ confirm: z.literal('注销', { message: '请输入“注销”以确认' }) }).strict(),
}

export type ApplyInput = z.input<typeof memberSchemas.apply>
export type ReviewInput = z.input<typeof memberSchemas.review>
export type PendingInput = z.input<typeof memberSchemas.pending>
export type ListInput = z.input<typeof memberSchemas.list>
export type TagInput = z.input<typeof memberSchemas.tag>
export type SetRolesInput = z.input<typeof memberSchemas.setRoles>
export type DeleteAccountInput = z.input<typeof memberSchemas.deleteAccount>

// What a handler receives: the schema's parsed output (defaults filled, text trimmed).
export type ApplyParams = z.output<typeof memberSchemas.apply>
export type ReviewParams = z.output<typeof memberSchemas.review>
export type PendingParams = z.output<typeof memberSchemas.pending>
export type ListParams = z.output<typeof memberSchemas.list>
export type TagParams = z.output<typeof memberSchemas.tag>
export type SetRolesParams = z.output<typeof memberSchemas.setRoles>
export type DeleteAccountParams = z.output<typeof memberSchemas.deleteAccount>
