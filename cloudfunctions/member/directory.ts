import { AppError } from '../../domain/errors'
import { summarizeMember, type MemberRecord, type MemberSummary, type Page } from '../../domain/member'
import { nextAdmins, type Role } from '../../domain/roles'
import type { ListParams, SetRolesParams, TagParams } from '../../domain/schemas/member'
import { editManualTags, mergeTags } from '../../domain/tags'
import { assertSafeText, SCENE } from '../../server/content-check'
import { ADMIN_SET_ID, ensureAdminSet, type AdminSet } from '../../server/collections/admins'
import { MEMBERS, pageMembers } from '../../server/collections/members'
import { toPage } from '../../server/collections/paging'
import { rememberTagNames, SETTINGS } from '../../server/collections/settings'
import { readInTransaction } from '../../server/collections/tx'
import { inTransaction } from '../../server/transaction'
import type { ActionContext } from '../../server/router'

/** Leaders' member directory: filter by status, tag (stage tags included) and nickname; phones masked. */
export async function list(input: ListParams, ctx: ActionContext): Promise<Page<MemberSummary>> {
  const now = ctx.now()
  const result = await pageMembers(ctx.db, { status: input.status, tag: input.tag, keyword: input.keyword }, ['appliedAt', 'desc'], input)
  return toPage(result, input, (r) => summarizeMember(r, now))
}

/**
 * Manual tags; automatic ones are recomputed by the rules and cannot be removed by hand. Read and
 * write are one transaction, so a leader's edit and the daily tag job never overwrite each other.
 */
export async function tag(input: TagParams, ctx: ActionContext) {
  // a tag name is shown to other leaders and on targeted posts: it passes the content check
  await assertSafeText(ctx.cloud, ctx.openid, input.add, SCENE.profile)
  // named before it is given: a name left over from a failed write counts 0 and is not shown
  await rememberTagNames(ctx.db, input.add)
  const _ = ctx.db.command
  return inTransaction(ctx.db, async (t) => {
    const record = await readInTransaction<MemberRecord>(t, MEMBERS, input.openid)
    if (!record) throw new AppError('NOT_FOUND', '没有找到这位妈妈')
    const manualTags = editManualTags(record.manualTags ?? [], input.add, input.remove)
    const tags = mergeTags(record.autoTags ?? [], manualTags)
    await t.collection(MEMBERS).doc(input.openid).update({ data: { manualTags: _.set(manualTags), tags: _.set(tags) } })
    return { tags, manualTags }
  })
}

/**
 * Admin grants and revokes staff roles. In one transaction with the admin set (`settings/admins`):
 * the caller must still be an admin, the target must be an admitted member to receive a role, and
 * the set may never become empty. An admin cannot drop her own admin role (no lock-out).
 */
export async function setRoles(input: SetRolesParams, ctx: ActionContext): Promise<{ roles: Role[] }> {
  if (input.openid === ctx.openid && !input.roles.includes('admin')) throw new AppError('CONFLICT', '不能撤销自己的管理员权限')
  const roles = Array.from(new Set(input.roles))
  await ensureAdminSet(ctx.db)
  const _ = ctx.db.command
  await inTransaction(ctx.db, async (t) => {
    const caller = await readInTransaction<MemberRecord>(t, MEMBERS, ctx.openid)
    // authorised on a read before this transaction: an admin demoted meanwhile acts no more
    if (!caller?.roles?.includes('admin')) throw new AppError('FORBIDDEN', '你已不是管理员，不能再分配角色')
    const target = input.openid === ctx.openid ? caller : await readInTransaction<MemberRecord>(t, MEMBERS, input.openid)
    if (!target) throw new AppError('NOT_FOUND', '没有找到这位用户，请先让她申请入群')
    if (roles.length > 0 && target.status !== 'member') throw new AppError('CONFLICT', '只有审核通过的会员才能分配角色，请先审核她的申请')
    const set = await readInTransaction<AdminSet>(t, SETTINGS, ADMIN_SET_ID)
    const admins = nextAdmins(set?.openids ?? [], { by: ctx.openid, target: input.openid, targetIsAdmin: roles.includes('admin') })
    if (admins.length === 0) throw new AppError('CONFLICT', '至少需要保留一位管理员')
    await t.collection(MEMBERS).doc(input.openid).update({ data: { roles: _.set(roles), rolesUpdatedAt: ctx.now() } })
    await t.collection(SETTINGS).doc(ADMIN_SET_ID).set({ data: { openids: admins } })
  })
  return { roles }
}
