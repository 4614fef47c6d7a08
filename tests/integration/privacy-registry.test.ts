// The personal-data registry must name every field that holds a person's openid. This drives every
// create action as known people, scans every collection of the manifest for any field naming one
// of them, and fails on a (collection, field) the registry does not list. Then it deletes their
// accounts and checks that nothing names them any more, and that counts they added are taken back.
import manifest from '../../domain/collections.manifest.json'
import { PERSONAL_DATA } from '../../server/privacy'
import { photo } from './content-helpers'
import { useCloud } from './support'

const ADMIN = 'o-reg-admin'
const LEADER = 'o-reg-leader'
const MOTHER = 'o-reg-mother'
const APPLICANT = 'o-reg-applicant'
const PEOPLE = [ADMIN, LEADER, MOTHER, APPLICANT]

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-20T10:00:00+08:00')
  await cloud.seedMember({ openid: ADMIN, roles: ['admin'], nickname: '管理员' })
  await cloud.seedMember({ openid: LEADER, nickname: '王团长' })
  await cloud.seedMember({ openid: MOTHER, nickname: '小雨妈妈' })
})

type Doc = Record<string, unknown>

/** Every (collection, field) whose value is, or is an array containing, one of `openids`; nested objects by dotted path. */
async function fieldsNaming(openids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>()
  const visit = (collection: string, path: string, value: unknown) => {
    if (typeof value === 'string' && openids.includes(value)) found.add(`${collection}.${path}`)
    else if (Array.isArray(value)) value.forEach((v) => visit(collection, path, v))
    else if (value && typeof value === 'object' && !(value instanceof Date)) for (const [k, v] of Object.entries(value)) visit(collection, path ? `${path}.${k}` : k, v)
  }
  for (const { name } of manifest.collections) {
    const res = await cloud.db.collection(name).limit(1000).get()
    for (const doc of res.data as Doc[]) visit(name, '', doc)
  }
  return found
}

const registered = new Set(PERSONAL_DATA.map((s) => `${s.collection}.${s.field}`))

describe('every field naming a person is registered', () => {
  let diaryId = ''

  beforeAll(async () => {
    // every create action, each person in the part she plays
    await cloud.ok('member', { action: 'apply', babyBirthDate: '2026-03-01', needs: ['辅食添加'], nickname: '新妈妈' }, APPLICANT)
    await cloud.ok('member', { action: 'setRoles', openid: LEADER, roles: ['leader'] }, ADMIN)
    await cloud.ok('member', { action: 'review', openid: APPLICANT, decision: 'approve', tags: ['种子用户'] }, LEADER)
    await cloud.ok('member', { action: 'tag', openid: MOTHER, add: ['爱分享'] }, LEADER)
    await cloud.ok('content', { action: 'publishPost', title: '辅食第一口', body: '从米粉开始', kind: 'tip' }, LEADER)
    const { id: contestId } = await cloud.ok<{ id: string }>('content', { action: 'createContest', title: '第一次', theme: '晒第一次', deadline: '2026-12-20T00:00:00+08:00' }, LEADER)
    const { id: questionId } = await cloud.ok<{ id: string }>('content', { action: 'ask', question: '几个月可以吃蛋黄？' }, MOTHER)
    await cloud.ok('content', { action: 'answer', id: questionId, answer: '八个月左右' }, LEADER)
    diaryId = (await cloud.ok<{ id: string }>('content', { action: 'postDiary', text: '第一次翻身', photoFileID: photo('reg'), contestId }, MOTHER)).id
    await cloud.ok('content', { action: 'like', id: diaryId }, APPLICANT)
    await cloud.ok('content', { action: 'like', id: diaryId }, LEADER)
    // live: a preview, her consents and reminder signup, her question curated, the outbox record
    const { id: liveId } = await cloud.ok<{ id: string }>('live', {
      action: 'create', title: '牧场直播', host: { name: '王团长' }, scene: 'ranch', startAt: '2026-11-20T12:00:00+08:00', requestId: 'req-reg-live-1',
    }, LEADER)
    await cloud.ok('live', { action: 'remind', liveId, accepted: ['reminder', 'announce'], requestId: 'req-reg-remind-1' }, MOTHER)
    const { id: liveQuestion } = await cloud.ok<{ id: string }>('live', { action: 'ask', liveId, question: '奶粉怎么冲泡？' }, MOTHER)
    await cloud.ok('live', { action: 'curate', id: liveQuestion, to: 'picked' }, LEADER)
    await cloud.setClock('2026-11-20T11:51:00+08:00') // the reminder is due: refused (no consent on the platform), recorded
    // trace: a batch imported, a code looked up by two people
    await cloud.ok('trace', {
      action: 'importCodes', batchNo: 'REG-1', product: '奶粉', producedAt: '2026-10-01', expiresAt: '2028-09-30', customsNo: '123',
      qualityReportFileID: 'cloud://local-env.bucket/q.pdf', codes: ['REG0000001'], requestId: 'req-reg-import-1',
    }, LEADER)
    for (const who of [MOTHER, APPLICANT]) await cloud.ok('trace', { action: 'lookup', code: 'REG0000001' }, who)
    // chains: a chain, joined with an address by two people, one of them cancelling, one removed by the leader
    const { id: chainId } = await cloud.ok<{ id: string }>('chain', {
      action: 'create', title: '会员专享', product: '奶粉', priceFen: 100, quota: 10, perPersonLimit: 2, deadline: '2026-11-25T20:00:00+08:00', requestId: 'req-reg-chain-1',
    }, LEADER)
    const address = { name: '小雨', phone: '13800001111', region: '上海', detail: '1 号' }
    await cloud.ok('chain', { action: 'join', chainId, qty: 1, requestId: 'req-reg-join-1', address, note: '周末送' }, MOTHER)
    const { entryId } = await cloud.ok<{ entryId: string }>('chain', { action: 'join', chainId, qty: 1, requestId: 'req-reg-join-2' }, APPLICANT)
    await cloud.ok('chain', { action: 'cancel', chainId }, MOTHER)
    await cloud.ok('chain', { action: 'removeEntry', entryId }, LEADER)
  })

  test('each (collection, field) holding an openid is in server/privacy.ts', async () => {
    const found = await fieldsNaming(PEOPLE)
    // the scan sees the staff references and the admin set, not only a mother's own records
    for (const expected of ['members._id', 'members.reviewedBy', 'posts.authorOpenid', 'questions.answeredBy', 'contests.createdBy', 'settings.openids', 'likes.openid', 'rateLimits.openid',
      'lives.createdBy', 'liveQuestions.askedBy', 'liveQuestions.curatedBy', 'liveReminders.openid', 'consents.openid', 'liveNotices.openid',
      'traceBatches.createdBy', 'traceImports.by', 'traceQueries.openid', 'chains.createdBy', 'chainEntries.openid']) {
      expect(found).toContain(expected)
    }
    expect([...found].filter((f) => !registered.has(f))).toEqual([])
  })

  test('export answers the staff references too, without other people’s openids', async () => {
    const out = await cloud.ok<{ content: Record<string, Doc[]> }>('member', { action: 'export' }, LEADER)
    expect(out.content.posts).toHaveLength(1)
    expect(out.content.contests).toHaveLength(1)
    expect(out.content.questions).toEqual([expect.objectContaining({ answer: '八个月左右' })])
    expect(out.content.members).toEqual([{ status: 'member', reviewedAt: expect.anything() }])
    const others = PEOPLE.filter((p) => p !== LEADER)
    for (const p of others) expect(JSON.stringify(out)).not.toContain(p)
  })

  test('deleting their accounts leaves no field naming them, and takes their likes’ counts back', async () => {
    for (const openid of [APPLICANT, LEADER]) expect(await cloud.ok('member', { action: 'deleteAccount', confirm: '注销' }, openid)).toEqual({ deleted: true })
    expect(await fieldsNaming([APPLICANT, LEADER])).toEqual(new Set())
    const diary = (await cloud.db.collection('diaries').doc(diaryId).get()).data
    expect([diary.likeCount, diary.rankedLikes]).toEqual([0, 0])
    // what others need stays, with the link cut
    expect((await cloud.db.collection('posts').where({ authorOpenid: 'deleted-user' }).count()).total).toBe(1)
  })
})

test('a mother who deletes her account and joins again is counted once', async () => {
  const author = 'o-reg-author'
  const fan = 'o-reg-rejoined'
  await cloud.seedMember({ openid: author })
  await cloud.seedMember({ openid: fan })
  const { id } = await cloud.ok<{ id: string }>('content', { action: 'postDiary', text: '满月', photoFileID: photo('month') }, author)
  await cloud.ok('content', { action: 'like', id }, fan)
  await cloud.ok('member', { action: 'deleteAccount', confirm: '注销' }, fan)
  await cloud.seedMember({ openid: fan })
  expect(await cloud.ok('content', { action: 'like', id }, fan)).toEqual({ liked: true, counted: true, likeCount: 1 })
})
