import type { MemberExport } from '../../domain/api'
import { AppError } from '../../domain/errors'
import { unlikeAll } from '../../server/collections/likes'
import { collectPersonalData, erasePersonalData } from '../../server/privacy'
import type { ActionContext } from '../../server/router'

/** member.export: everything we keep about her, as JSON (PIPL right of access). */
export async function exportData(_input: unknown, ctx: ActionContext): Promise<MemberExport> {
  const profile = ctx.member ? { ...ctx.member } : null
  return {
    exportedAt: ctx.now().toISOString(),
    profile: profile as Record<string, unknown> | null,
    content: await collectPersonalData(ctx.db, ctx.openid),
  }
}

/** Her exported files go first; deleting a file already gone is a no-op, so a retry is safe. */
async function deleteExportFiles(ctx: ActionContext, fileIDs: string[]): Promise<void> {
  for (let i = 0; i < fileIDs.length; i += 50) await ctx.cloud.deleteFile({ fileList: fileIDs.slice(i, i + 50) })
}

/**
 * member.deleteAccount: her personal data is erased; records others need (posts she published,
 * answers, reviews, accounting) are kept with the link to her cut. Her likes are taken back with the
 * counts they added, one transaction each. Her own record goes last, so a retry after a failure
 * still finds her and finishes the job.
 */
export async function deleteAccount(_input: unknown, ctx: ActionContext): Promise<{ deleted: true }> {
  if (!ctx.member) throw new AppError('NOT_FOUND', '没有需要注销的资料')
  if (ctx.member.roles.includes('admin')) throw new AppError('CONFLICT', '管理员请先移交管理员权限再注销')
  await deleteExportFiles(ctx, ctx.member.exportFileIDs ?? [])
  await unlikeAll(ctx.db, ctx.openid)
  await erasePersonalData(ctx.db, ctx.openid)
  return { deleted: true }
}
