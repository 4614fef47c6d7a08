// Her own data in process: the export files (a readable page and data.json in cloud storage), the
// tags leaders can aim at, and account deletion that repairs counts and cuts staff references.
import { main as content } from '../../cloudfunctions/content/index'
import { main } from '../../cloudfunctions/member/index'
import { startHarness, type Harness } from './harness'

let h: Harness
const MOTHER = 'o-md-mother'
const OTHER = 'o-md-other'
const LEADER = 'o-md-leader'
const ADMIN = 'o-md-admin'
let photoId = ''
let otherDiary = ''

type Files = { exportedAt: string; linksValidUntil: string; summary: { fileID: string; url: string }; data: { fileID: string; url: string } }
type TagInUse = { tag: string; label: string; count: number; kind: string }

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await h.seedMember({ openid: ADMIN, roles: ['admin'], nickname: '管理员' })
  await h.seedMember({
    openid: MOTHER, nickname: '小雨妈妈', city: '杭州', phone: '13812345678', babyBirthDate: '2026-04-20', privacyConsent: 'v1',
    tags: ['6-12月', '爱分享'], autoTags: ['6-12月'], manualTags: ['爱分享'], reviewedAt: new Date('2026-10-01T02:00:00Z'),
  })
  await h.seedMember({ openid: OTHER, nickname: '豆豆妈妈' })
  photoId = (await h.sdk.uploadFile({ cloudPath: 'diary/md-first-tooth.png', fileContent: Buffer.from('not really a png') })).fileID
  const { id } = await h.ok<{ id: string }>(content, { action: 'postDiary', text: '今天长出了第一颗牙<b>！', photoFileID: photoId }, MOTHER)
  // a photo no longer in storage is listed without a link
  await h.ok(content, { action: 'postDiary', text: '照片丢了', photoFileID: 'cloud://local-env.bucket/diary/gone.png' }, MOTHER)
  otherDiary = (await h.ok<{ id: string }>(content, { action: 'postDiary', text: '豆豆第一次翻身', photoFileID: photoId }, OTHER)).id
  await h.ok(content, { action: 'like', id }, OTHER)
  const { id: q } = await h.ok<{ id: string }>(content, { action: 'ask', question: '几个月可以吃蛋黄？' }, MOTHER)
  await h.ok(content, { action: 'answer', id: q, answer: '八个月左右，从 1/8 个开始' }, LEADER)
  await h.ok(content, { action: 'like', id: otherDiary }, MOTHER)
})
afterAll(async () => {
  await h.close()
})

describe('member.exportFiles', () => {
  let out: Files
  let summary = ''

  beforeAll(async () => {
    out = await h.ok<Files>(main, { action: 'exportFiles' }, MOTHER)
    const res = await fetch(out.summary.url)
    expect(res.status).toBe(200)
    summary = await res.text()
  })

  test('writes summary.html and data.json under her folder, with links valid one day from the export', () => {
    expect(out.exportedAt).toBe('2026-11-28T02:00:00.000Z')
    const folder = `exports/${MOTHER}/2026-11-28T02-00-00-000Z`
    expect(out.summary.fileID).toMatch(new RegExp(`/${folder}/summary\\.html$`))
    expect(out.data.fileID).toMatch(new RegExp(`/${folder}/data\\.json$`))
    expect(out.linksValidUntil).toBe('2026-11-29T02:00:00.000Z')
  })

  test('the files are remembered on her record, summary first', async () => {
    expect((await h.member(MOTHER))?.exportFileIDs).toEqual([out.summary.fileID, out.data.fileID])
  })

  test('the page is her data in Chinese, escaped, with a working photo link and a note for the lost one', async () => {
    expect(summary).toContain('<title>小雨妈妈 的亲亲宝贝数据</title>')
    expect(summary).toContain('<p>今天长出了第一颗牙&lt;b&gt;！</p>')
    expect(summary).toContain('（照片已不在云存储中）')
    expect(summary).toContain('<p class="note">照片链接有效至 2026年11月29日 10:00，过期后请重新导出。</p>')
    expect(summary).toContain('<p>共 1 个。</p>')
    expect(summary).toContain('几个月可以吃蛋黄？')
    const links = [...summary.matchAll(/<a href="([^"]+)"[^>]*>查看照片<\/a>/g)]
    expect(links).toHaveLength(1)
    const photo = await fetch(links[0][1].replace(/&amp;/g, '&'))
    expect(Buffer.from(await photo.arrayBuffer()).toString()).toBe('not really a png')
    for (const other of [OTHER, LEADER, '豆豆', '王团长']) expect(summary).not.toContain(other)
  })

  test('data.json is the JSON export', async () => {
    const text = await (await fetch(out.data.url)).text()
    const data = JSON.parse(text)
    expect(data.exportedAt).toBe(out.exportedAt)
    expect(data.profile).toMatchObject({ _id: MOTHER, nickname: '小雨妈妈' })
    expect(data.content.diaries.map((d: { text: string }) => d.text).sort()).toEqual(['今天长出了第一颗牙<b>！', '照片丢了'])
    expect(data.content.likes).toEqual([expect.objectContaining({ diaryId: otherDiary, openid: MOTHER })])
    expect(text).not.toContain(OTHER)
  })

  test('a visitor has nothing to export; nothing is written', async () => {
    expect(await h.call(main, { action: 'exportFiles' }, 'o-md-visitor')).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '还没有需要导出的资料' } })
    expect(await h.call(main, { action: 'exportFiles', extra: 1 }, MOTHER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })
})

describe('member.tagsInUse', () => {
  test('every rule tag with its count and label, then manual tags someone carries, most used first', async () => {
    await h.ok(main, { action: 'tag', openid: OTHER, add: ['体验官候选', '爱分享'] }, LEADER)
    await h.ok(main, { action: 'tag', openid: LEADER, add: ['体验官候选'] }, LEADER)
    await h.ok(main, { action: 'tag', openid: ADMIN, add: ['没人留着'] }, LEADER)
    await h.ok(main, { action: 'tag', openid: ADMIN, remove: ['没人留着'] }, LEADER)
    const { items } = await h.ok<{ items: TagInUse[] }>(main, { action: 'tagsInUse' }, LEADER)
    expect(items.filter((i) => i.kind === 'rule').map((i) => [i.tag, i.label, i.count])).toEqual([
      ['孕期', '孕期', 0],
      ['0-6月', '0–6 月', 0],
      ['6-12月', '6–12 月 辅食添加期', 1],
      ['辅食添加期', '辅食添加期', 0],
      ['1-3岁', '1–3 岁', 0],
      ['过敏体质宝宝', '过敏体质宝宝', 0],
      ['敏感肌宝宝妈妈', '敏感肌宝宝妈妈', 0],
      ['早产宝宝', '早产宝宝', 0],
    ])
    // 爱分享 is MOTHER's by hand in the seed (not in the registry) and OTHER's through member.tag
    expect(items.filter((i) => i.kind === 'manual')).toEqual([
      { tag: '爱分享', label: '爱分享', count: 2, kind: 'manual' },
      { tag: '体验官候选', label: '体验官候选', count: 2, kind: 'manual' },
    ])
  })

  test('only leaders ask', async () => {
    expect(await h.call(main, { action: 'tagsInUse' }, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('member.deleteAccount', () => {
  test('her likes are taken back with their counts; staff references are cut; her files go', async () => {
    const before = (await h.db.collection('diaries').doc(otherDiary).get()).data
    expect(before).toMatchObject({ likeCount: 1, rankedLikes: 1, likers: [MOTHER] })
    const files = (await h.member(MOTHER))?.exportFileIDs ?? []
    expect(await h.ok(main, { action: 'deleteAccount', confirm: '注销' }, MOTHER)).toEqual({ deleted: true })
    expect((await h.db.collection('diaries').doc(otherDiary).get()).data).toMatchObject({ likeCount: 0, rankedLikes: 0, likers: [] })
    expect(await h.count('likes', { openid: MOTHER })).toBe(0)
    expect(await h.count('diaries', { openid: MOTHER })).toBe(0)
    expect(await h.count('rateLimits', { openid: MOTHER })).toBe(0)
    expect(await h.member(MOTHER)).toBeNull()
    const res = await h.sdk.getTempFileURL({ fileList: files })
    expect(res.fileList.map((f: { tempFileURL: string }) => f.tempFileURL)).toEqual(['', ''])
  })

  test('a leader’s posts, contests, answers and reviews stay, with the link to her cut', async () => {
    await h.seedMember({ openid: 'o-md-applicant', status: 'pending' })
    await h.ok(main, { action: 'review', openid: 'o-md-applicant', decision: 'approve' }, LEADER)
    await h.ok(content, { action: 'publishPost', title: '辅食第一口', body: '从米粉开始', kind: 'tip' }, LEADER)
    await h.ok(content, { action: 'createContest', title: '第一次', theme: '晒第一次', deadline: '2026-12-20T00:00:00+08:00' }, LEADER)
    const { id: q } = await h.ok<{ id: string }>(content, { action: 'ask', question: '宝宝几点睡合适？' }, OTHER)
    await h.ok(content, { action: 'answer', id: q, answer: '八点左右' }, LEADER)
    await h.ok(content, { action: 'like', id: otherDiary }, LEADER)
    expect(await h.ok(main, { action: 'deleteAccount', confirm: '注销' }, LEADER)).toEqual({ deleted: true })
    for (const [collection, field] of [['posts', 'authorOpenid'], ['contests', 'createdBy'], ['questions', 'answeredBy'], ['members', 'reviewedBy']]) {
      expect([collection, await h.count(collection, { [field]: LEADER })]).toEqual([collection, 0])
      expect([collection, await h.count(collection, { [field]: 'deleted-user' })]).toEqual([collection, 1])
    }
    expect((await h.db.collection('questions').doc(q).get()).data).toMatchObject({ answer: '八点左右', answered: true })
    expect((await h.db.collection('diaries').doc(otherDiary).get()).data).toMatchObject({ likeCount: 0, rankedLikes: 0, likers: [] })
  })

  test('an admin leaves the admin set only by handing over first', async () => {
    await h.seedMember({ openid: 'o-md-staff' })
    await h.ok(main, { action: 'setRoles', openid: 'o-md-staff', roles: ['admin'] }, ADMIN)
    await h.ok(main, { action: 'setRoles', openid: ADMIN, roles: [] }, 'o-md-staff')
    expect((await h.db.collection('settings').doc('admins').get()).data.openids).toEqual(['o-md-staff'])
    expect(await h.ok(main, { action: 'deleteAccount', confirm: '注销' }, ADMIN)).toEqual({ deleted: true })
    expect(await h.call(main, { action: 'deleteAccount', confirm: '注销' }, 'o-md-staff')).toEqual({ ok: false, error: { code: 'CONFLICT', message: '管理员请先移交管理员权限再注销' } })
  })
})
