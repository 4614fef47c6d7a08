// The demo's live previews and trace batch, added by ensureDemoMedia after the seed: a 保税仓 live
// tomorrow at 20:00 (China time) with its host, products and papers, a 牧场 live that took place
// five days ago, and batch QQ2611A with a few can codes. Fixed ids and fixed facts; each part is
// written only when absent, so a restart neither duplicates nor undoes what the demo user changed.
import fs from 'node:fs'
import path from 'node:path'
import type { LiveRecord } from '../domain/live'
import { reminderAtFor } from '../domain/live'
import { chinaDay } from '../domain/time'
import type { TraceBatchRecord, TraceCodeRecord } from '../domain/trace'
import { batchIdFor, traceQueryId } from '../server/collections/trace'
import { DEMO_PHOTO_PATH, EVIDENCE_FILES } from './demo-assets'
import { DEMO_BATCH, DEMO_CODES, DEMO_COPIED_CODE } from './demo-live-facts'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cloud = any

const DAY = 86_400_000
export const DEMO_LIVE_ID = 'demo-live-bonded'
export const DEMO_PAST_LIVE_ID = 'demo-live-ranch'

/** 20:00 China time, `days` days from today's China date. */
function eightPm(now: number, days: number): Date {
  return new Date(Date.parse(`${chinaDay(now)}T20:00:00+08:00`) + days * DAY)
}

async function exists(db: Cloud, collection: string, id: string): Promise<boolean> {
  const res = await db.collection(collection).where({ _id: id }).limit(1).get()
  return res.data.length > 0
}

async function upload(cloud: Cloud, file: string): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath: `demo/live/${file}`, fileContent: fs.readFileSync(path.join(DEMO_PHOTO_PATH, file)) })
  return fileID
}

const scheduled = (startAt: Date, createdAt: Date): Pick<LiveRecord, 'status' | 'announcePending' | 'announcedAt' | 'reminderAt' | 'reminderPending'> => ({
  status: 'scheduled',
  // announced when it was posted; the reminder goes to whoever taps 提醒我
  announcePending: false,
  announcedAt: createdAt,
  reminderAt: reminderAtFor(startAt),
  reminderPending: true,
})

async function ensureLives(cloud: Cloud, db: Cloud, now: number): Promise<void> {
  const host = async () => ({ name: '阿敏', photoFileID: await upload(cloud, 'host-amin.jpg'), intro: '亲亲宝贝团长，两个宝宝的妈妈，带你看货源' })
  if (!(await exists(db, 'lives', DEMO_LIVE_ID))) {
    const startAt = eightPm(now, 1)
    const createdAt = new Date(now - 3_600_000)
    const live: Omit<LiveRecord, '_id'> = {
      title: '保税仓直播：新到奶粉开箱验货',
      host: await host(),
      scene: 'bonded',
      startAt,
      products: [{ name: DEMO_BATCH.product }, { name: '亲亲宝贝 有机高铁米粉 225g' }],
      coverFileID: await upload(cloud, 'live-bonded.jpg'),
      evidence: [
        { kind: 'customs', title: '进口报关单', fileID: await upload(cloud, EVIDENCE_FILES.customs) },
        { kind: 'quality', title: '质检报告首页', fileID: await upload(cloud, EVIDENCE_FILES.qualityPage) },
        { kind: 'quality', title: '质检报告全文（PDF）', fileID: await upload(cloud, EVIDENCE_FILES.qualityReport) },
        { kind: 'trace', title: `本批次 ${DEMO_BATCH.batchNo}：每罐罐底有溯源码，收到货可在小程序查验` },
        { kind: 'other', title: '保税仓实拍', fileID: await upload(cloud, 'evidence-warehouse.jpg') },
      ],
      targetTags: [],
      targeted: false,
      ...scheduled(startAt, createdAt),
      createdBy: 'demo-leader',
      createdAt,
    }
    await db.collection('lives').doc(DEMO_LIVE_ID).set({ data: live })
  }
  if (!(await exists(db, 'lives', DEMO_PAST_LIVE_ID))) {
    const startAt = eightPm(now, -5)
    const live: Omit<LiveRecord, '_id'> = {
      title: '牧场直播：奶源地探访',
      host: await host(),
      scene: 'ranch',
      startAt,
      products: [{ name: DEMO_BATCH.product }],
      coverFileID: await upload(cloud, 'live-ranch.jpg'),
      evidence: [{ kind: 'quality', title: '奶源检测结果随批次质检报告公开' }],
      targetTags: [],
      targeted: false,
      status: 'finished',
      highlights: ['牧场每天两次挤奶，鲜奶 2 小时内进厂', '现场抽检：蛋白质、菌落总数都在标准内', '答疑：1 段转 2 段怎么过渡'],
      announcePending: false,
      announcedAt: new Date(startAt.getTime() - DAY),
      reminderAt: reminderAtFor(startAt),
      reminderPending: false,
      remindedAt: reminderAtFor(startAt),
      createdBy: 'demo-leader',
      createdAt: new Date(startAt.getTime() - DAY),
      finishedAt: new Date(startAt.getTime() + 90 * 60_000),
    }
    await db.collection('lives').doc(DEMO_PAST_LIVE_ID).set({ data: live })
  }
}

/** Batch QQ2611A as a leader's import would store it, its codes, and one code copied onto fakes. */
async function ensureTrace(cloud: Cloud, db: Cloud): Promise<void> {
  const batchId = batchIdFor(DEMO_BATCH.batchNo)
  if (await exists(db, 'traceBatches', batchId)) return
  const codes = [...DEMO_CODES, DEMO_COPIED_CODE]
  const batch: Omit<TraceBatchRecord, '_id'> = {
    batchNo: DEMO_BATCH.batchNo,
    product: DEMO_BATCH.product,
    producedAt: DEMO_BATCH.producedAt,
    expiresAt: DEMO_BATCH.expiresAt,
    customsNo: DEMO_BATCH.customsNo,
    qualityReportFileID: await upload(cloud, EVIDENCE_FILES.qualityReport),
    codeCount: codes.length,
    createdBy: 'demo-leader',
    createdAt: new Date(`${DEMO_BATCH.reportedAt}T10:00:00+08:00`),
  }
  const importId = 'demo-import-qq2611a'
  for (const code of codes) {
    const record: Omit<TraceCodeRecord, '_id'> = { batchId, importId, queryCount: 0 }
    await db.collection('traceCodes').doc(code).set({ data: record })
  }
  // six different people looked the copied code up: the lookup warns from the fifth on
  const firstAt = new Date('2026-10-20T02:12:00Z')
  const queriers = ['demo-shopper-1', 'demo-shopper-2', 'demo-shopper-3', 'demo-shopper-4', 'demo-shopper-5', 'demo-shopper-6']
  for (const [i, openid] of queriers.entries()) {
    await db.collection('traceQueries').doc(traceQueryId(DEMO_COPIED_CODE, openid)).set({ data: { code: DEMO_COPIED_CODE, openid, firstAt: new Date(firstAt.getTime() + i * 3 * DAY) } })
  }
  await db.collection('traceCodes').doc(DEMO_COPIED_CODE).update({ data: { queryCount: 9, firstQueriedAt: firstAt } })
  // the batch last: its presence is what says the trace demo is complete
  await db.collection('traceBatches').doc(batchId).set({ data: batch })
}

export async function ensureDemoLiveAndTrace(cloud: Cloud, db: Cloud, now = Date.now()): Promise<void> {
  await ensureLives(cloud, db, now)
  await ensureTrace(cloud, db)
}
