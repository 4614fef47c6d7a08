import { main } from '../../cloudfunctions/member/index'
import { TEMPLATE_IDS } from '../../domain/notifications'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-s-leader'
const ADMIN = 'o-s-admin'

type Summary = { openid: string; phoneMasked: string; tags: string[]; manualTags: string[]; age?: string; appliedAt?: string; status: string }
type Page = { items: Summary[]; total: number; page: number; pageSize: number }

const apply = (openid: string, nickname: string, over: Record<string, unknown> = {}) =>
  h.ok(main, { action: 'apply', babyBirthDate: '2026-03-01', needs: ['过敏体质'], nickname, phone: '13812341234', ...over }, openid)

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '阿敏团长' })
  await h.seedMember({ openid: ADMIN, roles: ['admin'], nickname: '管理员' })
  jest.spyOn(console, 'warn').mockImplementation(() => undefined)
})
afterAll(async () => {
  jest.restoreAllMocks()
  await h.close()
})

describe('member.pending and member.review', () => {
  test('the queue: pending applicants only, oldest first, phones masked, age computed, paged', async () => {
    await apply('o-s-q1', '早早妈')
    h.advance(60_000)
    await apply('o-s-q2', '晚晚妈')
    const page = await h.ok<Page>(main, { action: 'pending' }, LEADER)
    expect(page).toMatchObject({ total: 2, page: 1, pageSize: 20 })
    expect(page.items.map((i) => i.openid)).toEqual(['o-s-q1', 'o-s-q2'])
    expect(page.items[0]).toMatchObject({ status: 'pending', phoneMasked: '138****1234', age: '8 个月', appliedAt: '2026-11-28T02:00:00.000Z' })
    const second = await h.ok<Page>(main, { action: 'pending', page: 2, pageSize: 1 }, LEADER)
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(second.items.map((i) => i.openid)).toEqual(['o-s-q2'])
  })

  test('approval admits her; extra tags become manual, rule tags stay automatic; she is notified', async () => {
    await h.grantSubscription('o-s-q1', TEMPLATE_IDS.reviewResult)
    expect(await h.ok(main, { action: 'review', openid: 'o-s-q1', decision: 'approve', tags: ['种子用户', '过敏体质宝宝'] }, LEADER)).toEqual({ status: 'member' })
    const rec = (await h.member('o-s-q1')) as unknown as Record<string, unknown>
    expect(rec).toMatchObject({ status: 'member', reviewedBy: LEADER, manualTags: ['种子用户'] })
    expect(rec.tags).toEqual([...(rec.autoTags as string[]), '种子用户'])
    expect(new Date(rec.reviewedAt as Date).toISOString()).toBe(new Date().toISOString())
    expect(rec).not.toHaveProperty('reviewNote')
    const sent = await h.outbox('o-s-q1')
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({
      template_id: TEMPLATE_IDS.reviewResult,
      data: { thing1: { value: '亲亲宝贝入群申请' }, phrase2: { value: '已通过' }, thing3: { value: '欢迎加入，快来看看今天的干货吧' }, date4: { value: '2026-11-28' } },
    })
    expect(sent[0]).toMatchObject({ page: 'pages/index/index' })
  })

  test('rejection keeps her manual tags as they were and leaves the note she sees', async () => {
    await h.db.collection('members').doc('o-s-q2').update({ data: { manualTags: ['回访过'], tags: h.db.command.set(['6-12月', '过敏体质宝宝', '回访过']) } })
    await h.grantSubscription('o-s-q2', TEMPLATE_IDS.reviewResult)
    expect(await h.ok(main, { action: 'review', openid: 'o-s-q2', decision: 'reject', note: '请补充宝宝出生日期', tags: ['不该加'] }, LEADER)).toEqual({ status: 'rejected' })
    const rec = await h.member('o-s-q2')
    expect(rec).toMatchObject({ status: 'rejected', reviewNote: '请补充宝宝出生日期', manualTags: ['回访过'] })
    expect(rec?.tags).toEqual([...(rec?.autoTags ?? []), '回访过'])
    const [notice] = await h.outbox('o-s-q2')
    expect(notice.data).toMatchObject({ phrase2: { value: '未通过' }, thing3: { value: '请补充宝宝出生日期' } })
  })

  test('an approval without a subscription still lands', async () => {
    await apply('o-s-q3', '没订阅妈')
    expect(await h.ok(main, { action: 'review', openid: 'o-s-q3', decision: 'approve' }, LEADER)).toEqual({ status: 'member' })
    expect(await h.outbox('o-s-q3')).toHaveLength(0)
    // no tags given: nothing manual is made up
    expect(await h.member('o-s-q3')).toMatchObject({ status: 'member', manualTags: [] })
  })

  test('a decided application, or none, cannot be decided', async () => {
    expect(await h.call(main, { action: 'review', openid: 'o-s-q1', decision: 'reject' }, LEADER)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '这份申请已经处理过了' } })
    expect(await h.call(main, { action: 'review', openid: 'o-s-nobody', decision: 'approve' }, LEADER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这位妈妈的申请' } })
    expect((await h.member('o-s-q1'))?.status).toBe('member')
  })

  test('a re-review after she re-applied with an empty note drops the old note', async () => {
    h.advance(8 * 86400_000)
    await apply('o-s-q2', '晚晚妈')
    await h.ok(main, { action: 'review', openid: 'o-s-q2', decision: 'approve', note: '' }, LEADER)
    expect(await h.member('o-s-q2')).not.toHaveProperty('reviewNote')
  })
})

describe('member.list', () => {
  beforeAll(async () => {
    await h.seedMember({ openid: 'o-s-d1', nickname: '小雨妈妈', phone: '13900001111', tags: ['0-6月'], appliedAt: new Date('2026-01-01T00:00:00Z') })
    await h.seedMember({ openid: 'o-s-d2', nickname: 'a.b妈', tags: ['1-3岁'], appliedAt: new Date('2026-01-02T00:00:00Z') })
    await h.seedMember({ openid: 'o-s-d3', nickname: '小雨点妈', status: 'pending', appliedAt: new Date('2026-01-03T00:00:00Z') })
  })

  test('filters by status, tag and a nickname keyword that is text, not a pattern', async () => {
    const ids = async (q: Record<string, unknown>) => (await h.ok<Page>(main, { action: 'list', pageSize: 50, ...q }, LEADER)).items.map((i) => i.openid)
    expect(await ids({ tag: '1-3岁' })).toEqual(['o-s-d2'])
    expect((await ids({ keyword: '小雨' })).sort()).toEqual(['o-s-d1', 'o-s-d3'])
    expect(await ids({ keyword: '小雨', status: 'pending' })).toEqual(['o-s-d3'])
    expect(await ids({ keyword: 'A.B' })).toEqual(['o-s-d2'])
    expect(await ids({ keyword: 'a*' })).toEqual([])
    expect(await ids({ keyword: '.' })).toEqual(['o-s-d2'])
  })

  test('newest application first, with the paging she asked for', async () => {
    const page = await h.ok<Page>(main, { action: 'list', keyword: '妈', pageSize: 2, page: 1 }, LEADER)
    expect(page.items.map((i) => i.openid).slice(0, 1)).toEqual(['o-s-q2'])
    expect(page).toMatchObject({ page: 1, pageSize: 2 })
    expect(page.items[0].phoneMasked).toBe('138****1234')
    expect(page.total).toBeGreaterThan(2)
  })
})

describe('member.tag and member.setRoles', () => {
  test('a leader adds and removes manual tags; automatic ones cannot be removed by hand', async () => {
    await h.seedMember({ openid: 'o-s-t1', tags: ['0-6月'], autoTags: ['0-6月'], manualTags: [] })
    const res = await h.ok(main, { action: 'tag', openid: 'o-s-t1', add: ['KOC候选', '爱分享'] }, LEADER)
    expect(res).toEqual({ manualTags: ['KOC候选', '爱分享'], tags: ['0-6月', 'KOC候选', '爱分享'] })
    const after = await h.ok(main, { action: 'tag', openid: 'o-s-t1', remove: ['爱分享', '0-6月'] }, LEADER)
    expect(after).toEqual({ manualTags: ['KOC候选'], tags: ['0-6月', 'KOC候选'] })
    expect(await h.member('o-s-t1')).toMatchObject({ manualTags: ['KOC候选'], tags: ['0-6月', 'KOC候选'] })
  })

  test('tagging nobody is NOT_FOUND; an empty change is BAD_INPUT', async () => {
    expect(await h.call(main, { action: 'tag', openid: 'o-s-none', add: ['x'] }, LEADER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这位妈妈' } })
    expect(await h.call(main, { action: 'tag', openid: 'o-s-t1' }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('请至少添加或移除一个标签') } })
  })

  test('the admin grants roles once each; nobody else may', async () => {
    await h.seedMember({ openid: 'o-s-r1' })
    expect(await h.ok(main, { action: 'setRoles', openid: 'o-s-r1', roles: ['cs', 'leader', 'cs'] }, ADMIN)).toEqual({ roles: ['cs', 'leader'] })
    expect((await h.member('o-s-r1'))?.roles).toEqual(['cs', 'leader'])
    expect(await h.call(main, { action: 'setRoles', openid: 'o-s-r1', roles: [] }, LEADER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await h.call(main, { action: 'setRoles', openid: 'o-s-none', roles: ['cs'] }, ADMIN)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这位用户，请先让她申请入群' } })
  })

  test('an admin cannot drop her own admin role, but may keep it while changing others', async () => {
    expect(await h.call(main, { action: 'setRoles', openid: ADMIN, roles: ['leader'] }, ADMIN)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '不能撤销自己的管理员权限' } })
    expect(await h.ok(main, { action: 'setRoles', openid: ADMIN, roles: ['admin', 'leader'] }, ADMIN)).toEqual({ roles: ['admin', 'leader'] })
    expect(await h.ok(main, { action: 'setRoles', openid: 'o-s-r1', roles: [] }, ADMIN)).toEqual({ roles: [] })
  })
})

describe('member.landing, member.export and member.deleteAccount', () => {
  test('the landing gift is what the operator configured, or nothing', async () => {
    expect(await h.ok(main, { action: 'landing' }, 'o-s-visitor')).toEqual({ guide: null })
    await h.db.collection('settings').doc('landing').set({ data: { guide: { title: '辅食指南', fileID: 'cloud://x/guide.pdf' } } })
    expect(await h.ok(main, { action: 'landing' }, 'o-s-visitor')).toEqual({ guide: { title: '辅食指南', fileID: 'cloud://x/guide.pdf' } })
    await h.db.collection('settings').doc('landing').set({ data: { note: '指南下架' } })
    expect(await h.ok(main, { action: 'landing' }, 'o-s-visitor')).toEqual({ guide: null })
  })

  test('export answers her profile and everything she wrote, and nobody else’s', async () => {
    const me = 'o-s-export'
    await h.seedMember({ openid: me, nickname: '导出妈' })
    await h.db.collection('diaries').add({ data: { openid: me, text: '我的日记', likeCount: 0 } })
    await h.db.collection('diaries').add({ data: { openid: 'o-s-other', text: '别人的', likeCount: 0 } })
    await h.db.collection('questions').add({ data: { askedBy: me, question: '宝宝几个月能吃辅食？', answered: false } })
    const out = await h.ok<{ exportedAt: string; profile: Record<string, unknown>; content: Record<string, Array<Record<string, unknown>>> }>(main, { action: 'export' }, me)
    expect(out.exportedAt).toBe(new Date().toISOString())
    expect(out.profile).toMatchObject({ _id: me, nickname: '导出妈' })
    expect(out.content.diaries.map((d) => d.text)).toEqual(['我的日记'])
    expect(out.content.questions.map((q) => q.question)).toEqual(['宝宝几个月能吃辅食？'])
    expect(out.content.likes).toEqual([])
    expect(await h.ok(main, { action: 'export' }, 'o-s-stranger')).toMatchObject({ profile: null, content: { diaries: [], questions: [], likes: [] } })
  })

  test('deleting her account erases her record and her content, after she confirms', async () => {
    const me = 'o-s-export'
    expect(await h.call(main, { action: 'deleteAccount', confirm: '删除' }, me)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h.ok(main, { action: 'deleteAccount', confirm: '注销' }, me)).toEqual({ deleted: true })
    expect(await h.member(me)).toBeNull()
    expect(await h.count('diaries', { openid: me })).toBe(0)
    expect(await h.count('questions', { askedBy: me })).toBe(0)
    expect(await h.count('diaries', { openid: 'o-s-other' })).toBe(1)
    expect(await h.call(main, { action: 'deleteAccount', confirm: '注销' }, me)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有需要注销的资料' } })
  })

  test('an admin must hand over the role before leaving', async () => {
    expect(await h.call(main, { action: 'deleteAccount', confirm: '注销' }, ADMIN)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '管理员请先移交管理员权限再注销' } })
    expect(await h.member(ADMIN)).not.toBeNull()
  })
})
