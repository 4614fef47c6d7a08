// member.exportFiles: her data as a readable Chinese page plus the JSON file, in cloud storage,
// through the real SDK; and the files go with her account.
import type { MemberExportFiles } from '../../domain/api'
import { errorOf } from './content-helpers'
import { useCloud } from './support'

const MOTHER = 'o-exp-mother'
const OTHER = 'o-exp-other'
const LEADER = 'o-exp-leader'
let photoId = ''

async function fetchText(url: string): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(url)
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() }
}

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-28T10:00:00+08:00')
  await cloud.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await cloud.seedMember({
    openid: MOTHER, nickname: '小雨妈妈', city: '杭州', phone: '13812345678', babyBirthDate: '2026-04-20', privacyConsent: 'v1',
    tags: ['6-12月', '爱分享'], autoTags: ['6-12月'], manualTags: ['爱分享'], reviewedAt: new Date('2026-10-01T02:00:00Z'),
  })
  await cloud.seedMember({ openid: OTHER, nickname: '豆豆妈妈' })
  photoId = (await cloud.sdk.uploadFile({ cloudPath: 'diary/exp-first-tooth.png', fileContent: Buffer.from('not really a png') })).fileID
  const { id } = await cloud.ok<{ id: string }>('content', { action: 'postDiary', text: '今天长出了第一颗牙<b>！', photoFileID: photoId }, MOTHER)
  await cloud.ok('content', { action: 'postDiary', text: '豆豆第一次翻身', photoFileID: photoId }, OTHER)
  await cloud.ok('content', { action: 'like', id }, OTHER)
  const { id: q } = await cloud.ok<{ id: string }>('content', { action: 'ask', question: '几个月可以吃蛋黄？' }, MOTHER)
  await cloud.ok('content', { action: 'answer', id: q, answer: '八个月左右，从 1/8 个开始' }, LEADER)
  const others = await cloud.ok<{ items: Array<{ id: string; mine: boolean }> }>('content', { action: 'diaries' }, MOTHER)
  await cloud.ok('content', { action: 'like', id: others.items.find((d) => !d.mine)!.id }, MOTHER)
})

describe('member.exportFiles', () => {
  let out: MemberExportFiles
  let summary = ''

  beforeAll(async () => {
    out = await cloud.ok<MemberExportFiles>('member', { action: 'exportFiles' }, MOTHER)
    const page = await fetchText(out.summary.url)
    expect(page.status).toBe(200)
    summary = page.text
  })

  test('writes summary.html and data.json under her folder and answers both with links and when they end', () => {
    expect(out.summary.fileID).toMatch(new RegExp(`/exports/${MOTHER}/[^/]+/summary\\.html$`))
    expect(out.data.fileID).toMatch(new RegExp(`/exports/${MOTHER}/[^/]+/data\\.json$`))
    // localcloud grants a day at most, as the platform's temporary links are bounded
    expect(new Date(out.linksValidUntil).getTime() - new Date(out.exportedAt).getTime()).toBe(86400_000)
  })

  test('the summary is Chinese and readable: her nickname, tag labels, questions, diary text, a photo link, consent', async () => {
    for (const heading of ['我的资料', '我的标签', '我给出的授权', '我的提问与回答', '我的成长日记', '我点过的赞']) expect(summary).toContain(`>${heading}</h`)
    expect(summary).toContain('小雨妈妈')
    expect(summary).toContain('杭州')
    expect(summary).toContain('6–12 月 辅食添加期') // the stage's label, not the key "6-12月"
    expect(summary).toContain('团长添加')
    expect(summary).toContain('几个月可以吃蛋黄？')
    expect(summary).toContain('八个月左右，从 1/8 个开始')
    expect(summary).toContain('今天长出了第一颗牙&lt;b&gt;！') // her text, escaped
    expect(summary).toContain('隐私说明》（版本 v1）')
    expect(summary).toContain('共 1 个')
    expect(summary).toContain('有效至 2026年11月29日 10:0')
    const link = /<a href="([^"]+)"[^>]*>查看照片<\/a>/.exec(summary)
    expect(link).not.toBeNull()
    const photo = await fetch(link![1].replace(/&amp;/g, '&'))
    expect(photo.status).toBe(200)
    expect(Buffer.from(await photo.arrayBuffer()).toString()).toBe('not really a png')
  })

  test('names nobody else: no other mother’s openid, nickname or diary', () => {
    for (const other of [OTHER, LEADER]) expect(summary).not.toContain(other)
    expect(summary).not.toContain('豆豆')
    expect(summary).not.toContain('王团长')
  })

  test('data.json is the machine-readable export', async () => {
    const file = await fetchText(out.data.url)
    const data = JSON.parse(file.text)
    expect(data.profile.nickname).toBe('小雨妈妈')
    expect(data.content.diaries).toEqual([expect.objectContaining({ text: '今天长出了第一颗牙<b>！', photoFileID: photoId })])
    expect(file.text).not.toContain(OTHER)
  })

  test('a visitor has nothing to export and nothing is written', async () => {
    expect(errorOf(await cloud.call('member', { action: 'exportFiles' }, 'o-exp-visitor')).code).toBe('NOT_FOUND')
    expect(errorOf(await cloud.call('member', { action: 'exportFiles', extra: 1 }, MOTHER)).code).toBe('BAD_INPUT')
  })

  test('deleting her account deletes the exported files', async () => {
    await cloud.ok('member', { action: 'deleteAccount', confirm: '注销' }, MOTHER)
    const res = await cloud.sdk.getTempFileURL({ fileList: [out.summary.fileID, out.data.fileID] })
    expect(res.fileList.map((f: { status: number }) => f.status)).toEqual([-503003, -503003])
  })
})
