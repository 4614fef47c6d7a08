import { useCloud } from './support'

const LEADER = 'o-dir-leader'
const ADMIN = 'o-dir-admin'

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-28T10:00:00+08:00')
  await cloud.seedMember({ openid: LEADER, roles: ['leader'], nickname: '阿敏团长' })
  await cloud.seedMember({ openid: ADMIN, roles: ['admin'], nickname: '管理员' })
  await cloud.seedMember({ openid: 'o-dir-1', nickname: '小雨妈妈', phone: '13900001111', babyBirthDate: '2026-08-01', tags: ['0-6月'], autoTags: ['0-6月'] })
  await cloud.seedMember({ openid: 'o-dir-2', nickname: '豆豆妈', phone: '13900002222', babyBirthDate: '2025-06-01', tags: ['1-3岁'], autoTags: ['1-3岁'] })
  await cloud.seedMember({ openid: 'o-dir-3', nickname: '小雨点妈', status: 'pending', tags: [] })
})

type Page = { items: Array<{ openid: string; phoneMasked: string; tags: string[] }>; total: number }

describe('member.list', () => {
  test('filters by tag, status and nickname keyword, phones masked', async () => {
    const byTag = await cloud.ok<Page>('member', { action: 'list', tag: '1-3岁' }, LEADER)
    expect(byTag.items.map((i) => i.openid)).toEqual(['o-dir-2'])
    expect(byTag.items[0].phoneMasked).toBe('139****2222')

    const byKeyword = await cloud.ok<Page>('member', { action: 'list', keyword: '小雨' }, LEADER)
    expect(byKeyword.items.map((i) => i.openid).sort()).toEqual(['o-dir-1', 'o-dir-3'])

    const byStatus = await cloud.ok<Page>('member', { action: 'list', status: 'pending', keyword: '小雨' }, LEADER)
    expect(byStatus.items.map((i) => i.openid)).toEqual(['o-dir-3'])
    expect(byStatus.total).toBe(1)
  })

  test('a keyword is text, not a pattern', async () => {
    const page = await cloud.ok<Page>('member', { action: 'list', keyword: '.*' }, LEADER)
    expect(page.total).toBe(0)
  })

  test('pages are bounded', async () => {
    const env = await cloud.call('member', { action: 'list', pageSize: 500 }, LEADER)
    expect(env).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    const first = await cloud.ok<Page>('member', { action: 'list', pageSize: 2, page: 1 }, LEADER)
    const second = await cloud.ok<Page>('member', { action: 'list', pageSize: 2, page: 2 }, LEADER)
    expect(first.items).toHaveLength(2)
    expect(first.total).toBe(5)
    expect(new Set([...first.items, ...second.items].map((i) => i.openid)).size).toBe(4)
  })
})

describe('hostile input', () => {
  test('a NUL or other control character in any text is BAD_INPUT, never INTERNAL', async () => {
    for (const keyword of ['小\u0000雨', '\u001b[31m', 'a\u007fb']) {
      expect(await cloud.call('member', { action: 'list', keyword }, LEADER)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '关键词：不能包含特殊控制字符' } })
    }
    expect(await cloud.call('member', { action: 'tag', openid: 'o-dir-1', add: ['坏\u0000标签'] }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await cloud.call('content', { action: 'ask', question: '宝宝\u0000湿疹怎么办' }, 'o-dir-1')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  })

  test('leader text goes through the content check: manual tags, review notes and tags', async () => {
    const before = await cloud.member('o-dir-1')
    expect(await cloud.call('member', { action: 'tag', openid: 'o-dir-1', add: ['加微信返现'] }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect((await cloud.member('o-dir-1'))?.manualTags).toEqual(before?.manualTags)
    await cloud.seedMember({ openid: 'o-dir-check', status: 'pending' })
    expect(await cloud.call('member', { action: 'review', openid: 'o-dir-check', decision: 'reject', note: '你去赌博吧' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await cloud.call('member', { action: 'review', openid: 'o-dir-check', decision: 'approve', tags: ['违禁词'] }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect((await cloud.member('o-dir-check'))?.status).toBe('pending')
  })

  test('an implausible birth or due date is BAD_INPUT saying the bound, and nothing is written', async () => {
    const cases: [string, RegExp][] = [
      ['0001-01-01', /6 岁以内.*2020-11-28/],
      ['2020-11-27', /2020-11-28/],
      ['2029-11-28', /10 个月以内.*2027-09-28/],
      ['2027-09-29', /2027-09-28/],
    ]
    for (const [babyBirthDate, message] of cases) {
      const env = await cloud.call('member', { action: 'apply', babyBirthDate, needs: [], nickname: '日期妈妈' }, 'o-dir-dates')
      expect([babyBirthDate, env]).toEqual([babyBirthDate, { ok: false, error: { code: 'BAD_INPUT', message: expect.stringMatching(message) } }])
    }
    expect(await cloud.member('o-dir-dates')).toBeNull()
    for (const babyBirthDate of ['2020-11-28', '2027-09-28']) expect(await cloud.call('member', { action: 'apply', babyBirthDate, needs: [], nickname: '日期妈妈' }, `o-dir-dates-${babyBirthDate}`)).toMatchObject({ ok: true })
  })
})

describe('member.tag', () => {
  test('a leader adds and removes manual tags; automatic ones stay', async () => {
    const res = await cloud.ok<{ tags: string[]; manualTags: string[] }>('member', { action: 'tag', openid: 'o-dir-1', add: ['KOC候选', '爱分享'] }, LEADER)
    expect(res.manualTags).toEqual(['KOC候选', '爱分享'])
    const after = await cloud.ok<{ tags: string[] }>('member', { action: 'tag', openid: 'o-dir-1', remove: ['爱分享', '0-6月'] }, LEADER)
    expect(after.tags).toEqual(['0-6月', 'KOC候选'])
  })

  test('nothing to change is BAD_INPUT; an unknown member is NOT_FOUND', async () => {
    expect(await cloud.call('member', { action: 'tag', openid: 'o-dir-1' }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await cloud.call('member', { action: 'tag', openid: 'o-nobody', add: ['x'] }, LEADER)).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
  })
})

describe('member.setRoles', () => {
  test('only an admin grants roles', async () => {
    expect(await cloud.call('member', { action: 'setRoles', openid: 'o-dir-2', roles: ['cs'] }, LEADER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await cloud.ok('member', { action: 'setRoles', openid: 'o-dir-2', roles: ['cs'] }, ADMIN)).toEqual({ roles: ['cs'] })
    expect((await cloud.member('o-dir-2'))?.roles).toEqual(['cs'])
    // the new role takes effect at once: customer service is not a leader
    expect(await cloud.call('member', { action: 'list' }, 'o-dir-2')).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    expect(await cloud.ok('member', { action: 'setRoles', openid: 'o-dir-2', roles: [] }, ADMIN)).toEqual({ roles: [] })
  })

  test('an unknown role is BAD_INPUT; an admin cannot lock herself out', async () => {
    expect(await cloud.call('member', { action: 'setRoles', openid: 'o-dir-2', roles: ['owner'] }, ADMIN)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await cloud.call('member', { action: 'setRoles', openid: ADMIN, roles: ['leader'] }, ADMIN)).toMatchObject({ ok: false, error: { code: 'CONFLICT' } })
    expect((await cloud.member(ADMIN))?.roles).toEqual(['admin'])
  })
})

describe('her own data', () => {
  test('export answers everything we keep about her', async () => {
    const out = await cloud.ok<{ profile: { nickname: string; phone: string }; exportedAt: string }>('member', { action: 'export' }, 'o-dir-1')
    expect(out.profile).toMatchObject({ nickname: '小雨妈妈', phone: '13900001111' })
    expect(out.exportedAt).toMatch(/^2026-11-28T/)
  })

  test('export and delete reach her content in other collections too', async () => {
    await cloud.seedMember({ openid: 'o-dir-writer', nickname: '晒娃妈妈' })
    await cloud.ok('content', { action: 'postDiary', text: '今天第一次吃米粉', photoFileID: 'cloud://local-env.demo/diary/a.jpg' }, 'o-dir-writer')
    await cloud.ok('content', { action: 'ask', question: '宝宝湿疹可以用什么面霜？' }, 'o-dir-writer')
    const out = await cloud.ok<{ content: Record<string, Array<{ text?: string; question?: string }>> }>('member', { action: 'export' }, 'o-dir-writer')
    expect(out.content.diaries.map((d) => d.text)).toEqual(['今天第一次吃米粉'])
    expect(out.content.questions).toHaveLength(1)
    await cloud.ok('member', { action: 'deleteAccount', confirm: '注销' }, 'o-dir-writer')
    expect((await cloud.db.collection('diaries').where({ openid: 'o-dir-writer' }).count()).total).toBe(0)
    expect((await cloud.db.collection('questions').where({ askedBy: 'o-dir-writer' }).count()).total).toBe(0)
  })

  test('delete needs the typed confirmation, then erases her record', async () => {
    expect(await cloud.call('member', { action: 'deleteAccount', confirm: 'yes' }, 'o-dir-1')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await cloud.member('o-dir-1')).not.toBeNull()
    expect(await cloud.ok('member', { action: 'deleteAccount', confirm: '注销' }, 'o-dir-1')).toEqual({ deleted: true })
    expect(await cloud.member('o-dir-1')).toBeNull()
    expect(await cloud.ok('member', { action: 'me' }, 'o-dir-1')).toMatchObject({ status: 'visitor' })
  })
})

describe('daily tag timer', () => {
  test('stage tags move as babies grow, when the 03:00 trigger fires', async () => {
    await cloud.seedMember({ openid: 'o-grow', babyBirthDate: '2026-05-29', tags: ['0-6月', '种子用户'], autoTags: ['0-6月'], manualTags: ['种子用户'] })
    // 2026-11-28 10:00 → 11-29 03:00 China time: she turns 6 months and the trigger runs
    await cloud.advanceClock(17 * 3600_000 + 60_000)
    const rec = await cloud.member('o-grow')
    expect(rec?.tags).toEqual(['6-12月', '辅食添加期', '种子用户'])
  })
})
