import type { ExportedFile, MemberExport, MemberExportFiles } from '../../domain/api'
import { AppError } from '../../domain/errors'
import { renderSummaryHtml } from '../../domain/export-summary'
import { rememberExportFiles } from '../../server/collections/members'
import type { ActionContext } from '../../server/router'
import { exportData } from './privacy'

/** How long the links we hand out should work; the platform may grant less, and we say what it granted. */
export const EXPORT_LINK_SECONDS = 86400
/** getTempFileURL takes at most 50 files per call. */
const TEMP_URL_BATCH = 50

type Cloud = ActionContext['cloud']

interface TempUrl {
  fileID: string
  tempFileURL: string
  maxAge?: number
}

async function tempUrls(cloud: Cloud, fileIDs: string[]): Promise<TempUrl[]> {
  const out: TempUrl[] = []
  for (let i = 0; i < fileIDs.length; i += TEMP_URL_BATCH) {
    const fileList = fileIDs.slice(i, i + TEMP_URL_BATCH).map((fileID) => ({ fileID, maxAge: EXPORT_LINK_SECONDS }))
    const res = (await cloud.getTempFileURL({ fileList })) as { fileList: TempUrl[] }
    out.push(...res.fileList.filter((f) => f.tempFileURL))
  }
  return out
}

/** The earliest moment any of the links stops working. */
function validUntil(now: Date, urls: TempUrl[]): Date {
  const seconds = Math.min(EXPORT_LINK_SECONDS, ...urls.map((u) => (u.maxAge && u.maxAge > 0 ? u.maxAge : EXPORT_LINK_SECONDS)))
  return new Date(now.getTime() + seconds * 1000)
}

async function upload(cloud: Cloud, cloudPath: string, text: string): Promise<string> {
  const res = (await cloud.uploadFile({ cloudPath, fileContent: Buffer.from(text, 'utf8') })) as { fileID: string }
  return res.fileID
}

/**
 * member.exportFiles: her data as two files in cloud storage, a readable Chinese page
 * (`summary.html`, photos linked) and the machine-readable `data.json`, answered with temporary
 * links. The files are remembered on her record so deleting her account deletes them too.
 */
export async function exportFiles(_input: unknown, ctx: ActionContext): Promise<MemberExportFiles> {
  if (!ctx.member) throw new AppError('NOT_FOUND', '还没有需要导出的资料')
  const data: MemberExport = await exportData(undefined, ctx)
  const now = new Date(data.exportedAt)
  const photoIds = Array.from(new Set((data.content.diaries ?? []).map((d) => d.photoFileID).filter((id): id is string => typeof id === 'string' && id.length > 0)))
  const photos = await tempUrls(ctx.cloud, photoIds)

  const folder = `exports/${ctx.openid}/${data.exportedAt.replace(/[:.]/g, '-')}`
  const dataId = await upload(ctx.cloud, `${folder}/data.json`, JSON.stringify(data, null, 2))
  // the page states when its links end: computed from what the platform granted the photos
  const photosUntil = validUntil(now, photos)
  const html = renderSummaryHtml({
    exportedAt: now,
    linksValidUntil: photosUntil,
    profile: ctx.member,
    content: data.content,
    photoUrls: new Map(photos.map((p) => [p.fileID, p.tempFileURL])),
  })
  const summaryId = await upload(ctx.cloud, `${folder}/summary.html`, html)
  await rememberExportFiles(ctx.db, ctx.openid, [summaryId, dataId])

  const links = await tempUrls(ctx.cloud, [summaryId, dataId])
  const linkOf = (fileID: string): ExportedFile => {
    const url = links.find((l) => l.fileID === fileID)?.tempFileURL
    if (!url) throw new AppError('INTERNAL', '导出文件暂时无法打开，请稍后再试')
    return { fileID, url }
  }
  const until = validUntil(now, [...photos, ...links])
  return { exportedAt: data.exportedAt, linksValidUntil: until.toISOString(), summary: linkOf(summaryId), data: linkOf(dataId) }
}
