import { AppError } from '../../domain/errors'
import { summarizeMember, type MemberSummary, type Page } from '../../domain/member'
import type { Role } from '../../domain/roles'
import type { ListInput, SetRolesInput, TagInput } from '../../domain/schemas/member'
import { editManualTags, mergeTags } from '../../domain/tags'
import { findMember, pageMembers, setMemberFields } from '../../server/collections/members'
import { toPage } from '../../server/collections/paging'
import type { ActionContext } from '../../server/router'

type Filled<T> = { [K in keyof T]-?: Exclude<T[K], undefined> }

/** Leaders' member directory: filter by status, tag (stage tags included) and nickname; phones masked. */
export async function list(input: ListInput & Filled<Pick<ListInput, 'page' | 'pageSize'>>, ctx: ActionContext): Promise<Page<MemberSummary>> {
  const now = ctx.now()
  const result = await pageMembers(ctx.db, { status: input.status, tag: input.tag, keyword: input.keyword }, ['appliedAt', 'desc'], input)
  return toPage(result, input, (r) => summarizeMember(r, now))
}

/** Manual tags; automatic ones are recomputed by the rules and cannot be removed by hand. */
export async function tag(input: Filled<TagInput>, ctx: ActionContext) {
  const record = await findMember(ctx.db, input.openid)
  if (!record) throw new AppError('NOT_FOUND', '没有找到这位妈妈')
  const manualTags = editManualTags(record.manualTags ?? [], input.add, input.remove)
  const tags = mergeTags(record.autoTags ?? [], manualTags)
  await setMemberFields(ctx.db, input.openid, { manualTags, tags })
  return { tags, manualTags }
}

/** Admin grants and revokes staff roles; an admin cannot drop her own admin role (no lock-out). */
export async function setRoles(input: SetRolesInput, ctx: ActionContext): Promise<{ roles: Role[] }> {
  if (input.openid === ctx.openid && !input.roles.includes('admin')) throw new AppError('CONFLICT', '不能撤销自己的管理员权限')
  const record = await findMember(ctx.db, input.openid)
  if (!record) throw new AppError('NOT_FOUND', '没有找到这位用户，请先让她申请入群')
  const roles = Array.from(new Set(input.roles))
  await setMemberFields(ctx.db, input.openid, { roles })
  return { roles }
}
