// What the `npm start` demo keeps in cloud storage: the feeding guide (the lead gift), a few
// photos for posts and growth diaries, and the live previews and trace batch with their papers
// (demo-live.ts). Uploaded through the real SDK like an operator or a mother
// would; every step checks first, so a restart neither duplicates nor overwrites what the demo user changed.
import fs from 'node:fs'
import path from 'node:path'
import { DEMO_PHOTO_PATH, GUIDE_PDF_PATH } from './demo-assets'
import { ensureDemoLiveAndTrace } from './demo-live'

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Cloud = any

const GUIDE_CLOUD_PATH = 'guides/feeding-guide-0-3.pdf'

/** Demo diaries: who wrote them, what, which photo, and whether they entered the demo contest. */
const DIARIES = [
  { _id: 'demo-diary-1', openid: 'demo-mother', authorName: '小雨妈妈', photo: 'diary-bath-duck', text: '第一次自己坐在澡盆里玩小黄鸭，笑得停不下来', hoursAgo: 5, contest: true },
  { _id: 'demo-diary-2', openid: 'demo-mother-2', authorName: '乐乐妈妈', photo: 'diary-footprints', text: '乐乐今天扶着沙发走了三步！给小脚丫拍个照留念', hoursAgo: 20, contest: true },
  { _id: 'demo-diary-3', openid: 'demo-mother-3', authorName: '糖糖妈妈', photo: 'diary-balloons', text: '满一岁啦，气球派对，谢谢妈妈圈的姐妹们一路陪伴', hoursAgo: 30, contest: false },
  { _id: 'demo-diary-4', openid: 'demo-mother-2', authorName: '乐乐妈妈', photo: 'diary-sunny-walk', text: '天气好，第一次去公园晒太阳，一路都在咿咿呀呀', hoursAgo: 52, contest: false },
]

/** Posts from the seed that get a cover. */
const COVERS: Record<string, string> = { 'demo-post-1': 'cover-first-food', 'demo-post-2': 'cover-skin-care' }

async function exists(db: Cloud, collection: string, id: string): Promise<boolean> {
  const res = await db.collection(collection).where({ _id: id }).limit(1).get()
  return res.data.length > 0
}

async function uploadPhoto(cloud: Cloud, name: string): Promise<string> {
  const { fileID } = await cloud.uploadFile({ cloudPath: `demo/${name}.jpg`, fileContent: fs.readFileSync(path.join(DEMO_PHOTO_PATH, `${name}.jpg`)) })
  return fileID
}

/** The lead gift on the landing page: uploaded once, then configured like an operator would. */
async function ensureGuide(cloud: Cloud, db: Cloud): Promise<void> {
  if (await exists(db, 'settings', 'landing')) return
  const { fileID } = await cloud.uploadFile({ cloudPath: GUIDE_CLOUD_PATH, fileContent: fs.readFileSync(GUIDE_PDF_PATH) })
  await db.collection('settings').doc('landing').set({ data: { guide: { title: '0–3 岁科学喂养指南', fileID } } })
}

async function ensurePhotos(cloud: Cloud, db: Cloud): Promise<void> {
  const _ = db.command
  for (const [postId, photo] of Object.entries(COVERS)) {
    // only a seeded post still without a cover: a leader's later edit stays
    const post = await db.collection('posts').where({ _id: postId, coverFileID: _.exists(false) }).limit(1).get()
    if (post.data.length === 0) continue
    await db.collection('posts').doc(postId).update({ data: { coverFileID: await uploadPhoto(cloud, photo) } })
  }
  const now = Date.now()
  for (const d of DIARIES) {
    if (await exists(db, 'diaries', d._id)) continue
    const diary: Record<string, unknown> = {
      openid: d.openid, authorName: d.authorName, text: d.text, photoFileID: await uploadPhoto(cloud, d.photo),
      likeCount: 0, rankedLikes: 0, createdAt: new Date(now - d.hoursAgo * 3600_000),
    }
    if (d.contest) diary.contestId = 'demo-contest-1'
    await db.collection('diaries').doc(d._id).set({ data: diary })
  }
}

/** Runs with the SDK already pointed at the demo's localcloud. */
export async function ensureDemoMedia(): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cloud = require('wx-server-sdk')
  cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV })
  const db = cloud.database()
  await ensureGuide(cloud, db)
  await ensurePhotos(cloud, db)
  await ensureDemoLiveAndTrace(cloud, db)
}

