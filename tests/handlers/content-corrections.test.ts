// content corrections in process: a mother edits and deletes her own diaries and open questions,
// leaders edit and remove posts; ownership and state are held by the write's query.
import { main } from '../../cloudfunctions/content/index'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-cc-leader'
const LEADER_2 = 'o-cc-leader-2'
const MOTHER = 'o-cc-mother'
const MOTHER_2 = 'o-cc-mother-2'
const photo = (name: string) => `cloud://local-env.local-bucket/diary/${name}.jpg`

const diaryDoc = async (id: string) => (await h.db.collection('diaries').where({ _id: id }).get()).data[0] as Record<string, unknown> | undefined
const questionDoc = async (id: string) => (await h.db.collection('questions').where({ _id: id }).get()).data[0] as Record<string, unknown> | undefined
const postDoc = async (id: string) => (await h.db.collection('posts').where({ _id: id }).get()).data[0] as Record<string, unknown> | undefined
const iso = (d: unknown) => new Date(d as Date).toISOString()

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await h.seedMember({ openid: LEADER_2, roles: ['leader'], nickname: '李团长' })
  await h.seedMember({ openid: MOTHER, nickname: '小雨妈妈' })
  await h.seedMember({ openid: MOTHER_2, nickname: '豆豆妈妈', tags: [] })
  jest.spyOn(console, 'error').mockImplementation(() => undefined)
})
afterAll(async () => {
  jest.restoreAllMocks()
  await h.close()
})

describe('her diaries', () => {
  const post = async (openid: string, text: string) => (await h.ok<{ id: string }>(main, { action: 'postDiary', text, photoFileID: photo(text) }, openid)).id

  test('she edits her text; the answer and the record carry the time of the edit', async () => {
    const id = await post(MOTHER, '第一次翻生')
    h.advance(5000)
    const res = await h.ok(main, { action: 'editDiary', id, text: ' 第一次翻身！ ' }, MOTHER)
    expect(res).toEqual({ id, editedAt: new Date().toISOString() })
    const doc = await diaryDoc(id)
    expect(doc).toMatchObject({ text: '第一次翻身！', photoFileID: photo('第一次翻生'), openid: MOTHER })
    expect(iso(doc?.editedAt)).toBe(new Date().toISOString())
  })

  test('another mother, or a leader, can neither edit nor delete it (FORBIDDEN); nothing changes', async () => {
    const id = await post(MOTHER, '只属于我')
    await h.ok(main, { action: 'like', id }, MOTHER_2)
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: '只能修改或删除自己发的日记' } }
    expect(await h.call(main, { action: 'editDiary', id, text: '改掉你的' }, MOTHER_2)).toEqual(forbidden)
    expect(await h.call(main, { action: 'deleteDiary', id }, MOTHER_2)).toEqual(forbidden)
    expect(await h.call(main, { action: 'deleteDiary', id }, LEADER)).toEqual(forbidden)
    const doc = await diaryDoc(id)
    expect(doc).toMatchObject({ text: '只属于我', likeCount: 1 })
    expect(doc).not.toHaveProperty('editedAt')
    expect(await h.count('likes', { diaryId: id })).toBe(1)
  })

  test('editing or deleting a diary that does not exist is NOT_FOUND', async () => {
    const missing = { ok: false, error: { code: 'NOT_FOUND', message: '这条日记不存在或已被删除' } }
    expect(await h.call(main, { action: 'editDiary', id: 'd-none', text: '改' }, MOTHER)).toEqual(missing)
    expect(await h.call(main, { action: 'deleteDiary', id: 'd-none' }, MOTHER)).toEqual(missing)
  })

  test('an edit with a sensitive word is CONTENT_REJECTED and the old text stays', async () => {
    const id = await post(MOTHER, '原来的话')
    expect(await h.call(main, { action: 'editDiary', id, text: '宝宝 赌博' }, MOTHER)).toEqual({ ok: false, error: { code: 'CONTENT_REJECTED', message: expect.any(String) } })
    expect((await diaryDoc(id))?.text).toBe('原来的话')
  })

  test('deleting removes the diary and every like of it, and only those', async () => {
    const gone = await post(MOTHER, '要删掉的')
    const stays = await post(MOTHER_2, '留下的')
    await h.ok(main, { action: 'like', id: gone }, MOTHER_2)
    await h.ok(main, { action: 'like', id: gone }, LEADER)
    await h.ok(main, { action: 'like', id: stays }, MOTHER)
    expect(await h.ok(main, { action: 'deleteDiary', id: gone }, MOTHER)).toEqual({ id: gone, deleted: true })
    expect(await diaryDoc(gone)).toBeUndefined()
    expect(await h.count('likes', { diaryId: gone })).toBe(0)
    expect(await h.count('likes', { diaryId: stays })).toBe(1)
    expect(await h.call(main, { action: 'like', id: gone }, LEADER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '这条日记不存在或已被删除' } })
    expect(await h.count('likes', { diaryId: gone })).toBe(0)
  })

  test('deleting again is NOT_FOUND and sweeps the likes a stopped deletion left behind', async () => {
    const id = await post(MOTHER, '删一半')
    await h.ok(main, { action: 'like', id }, MOTHER_2)
    await h.db.collection('diaries').doc(id).remove() // a deletion that stopped after its first write
    expect(await h.count('likes', { diaryId: id })).toBe(1)
    expect(await h.call(main, { action: 'deleteDiary', id }, MOTHER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '这条日记不存在或已被删除' } })
    expect(await h.count('likes', { diaryId: id })).toBe(0)
  })

  test('an edit is rate limited with the edit of questions: 30 an hour between them', async () => {
    h.setNow('2026-11-29T05:00:00.000Z') // the start of an hour window
    const id = await post(MOTHER_2, '限流日记')
    const q = (await h.ok<{ id: string }>(main, { action: 'ask', question: '限流问题一二三' }, MOTHER_2)).id
    for (let i = 0; i < 15; i++) {
      await h.ok(main, { action: 'editDiary', id, text: `第${i}次` }, MOTHER_2)
      await h.ok(main, { action: 'editQuestion', id: q, question: `限流问题第${i}次` }, MOTHER_2)
    }
    h.setNow('2026-11-29T05:59:59.999Z')
    const limited = { ok: false, error: { code: 'RATE_LIMITED', message: '修改太频繁了，每小时最多 30 次，请稍后再试' } }
    expect(await h.call(main, { action: 'editDiary', id, text: '第31次' }, MOTHER_2)).toEqual(limited)
    expect(await h.call(main, { action: 'editQuestion', id: q, question: '限流问题第31次' }, MOTHER_2)).toEqual(limited)
    expect((await diaryDoc(id))?.text).toBe('第14次')
    // another mother has her own counter
    const other = await post(MOTHER, '她的日记')
    expect(await h.ok(main, { action: 'editDiary', id: other, text: '她的修改' }, MOTHER)).toMatchObject({ id: other })
    h.setNow('2026-11-29T06:00:00.000Z')
    expect(await h.ok(main, { action: 'editDiary', id, text: '新的一小时' }, MOTHER_2)).toMatchObject({ id })
  })
})

describe('her questions', () => {
  const ask = async (openid: string, question: string) => (await h.ok<{ id: string }>(main, { action: 'ask', question }, openid)).id

  test('she edits, then deletes, her unanswered question', async () => {
    const id = await ask(MOTHER, '宝宝几个月能吃盐')
    h.advance(1000)
    expect(await h.ok(main, { action: 'editQuestion', id, question: '宝宝几个月可以吃盐？' }, MOTHER)).toEqual({ id, editedAt: new Date().toISOString() })
    const doc = await questionDoc(id)
    expect(doc).toMatchObject({ question: '宝宝几个月可以吃盐？', answered: false, askedBy: MOTHER })
    expect(iso(doc?.editedAt)).toBe(new Date().toISOString())
    expect(await h.ok(main, { action: 'deleteQuestion', id }, MOTHER)).toEqual({ id, deleted: true })
    expect(await questionDoc(id)).toBeUndefined()
  })

  test('once answered, her edit and delete are CONFLICT and the answer stays', async () => {
    const id = await ask(MOTHER, '湿疹要不要用激素药膏？')
    await h.ok(main, { action: 'answer', id, answer: '遵医嘱短期使用' }, LEADER)
    const conflict = { ok: false, error: { code: 'CONFLICT', message: '专家已经回答了这个问题，不能再修改或删除啦' } }
    expect(await h.call(main, { action: 'editQuestion', id, question: '改一下问题内容' }, MOTHER)).toEqual(conflict)
    expect(await h.call(main, { action: 'deleteQuestion', id }, MOTHER)).toEqual(conflict)
    expect(await questionDoc(id)).toMatchObject({ question: '湿疹要不要用激素药膏？', answer: '遵医嘱短期使用', answered: true })
  })

  test('another mother’s open question reads as missing; her answered one is FORBIDDEN; a gone one NOT_FOUND', async () => {
    const open = await ask(MOTHER, '夜奶怎么戒掉比较好？')
    const missing = { ok: false, error: { code: 'NOT_FOUND', message: '问题不存在或已被删除' } }
    expect(await h.call(main, { action: 'editQuestion', id: open, question: '别人的问题改一下' }, MOTHER_2)).toEqual(missing)
    expect(await h.call(main, { action: 'deleteQuestion', id: open }, MOTHER_2)).toEqual(missing)
    expect(await h.call(main, { action: 'deleteQuestion', id: 'q-none' }, MOTHER)).toEqual(missing)
    expect(await h.call(main, { action: 'editQuestion', id: 'q-none', question: '没有这个问题' }, MOTHER)).toEqual(missing)
    const answered = await ask(MOTHER, '辅食先加米粉还是蔬菜？')
    await h.ok(main, { action: 'answer', id: answered, answer: '先加强化铁米粉' }, LEADER)
    const forbidden = { ok: false, error: { code: 'FORBIDDEN', message: '只能修改或删除自己的提问' } }
    expect(await h.call(main, { action: 'deleteQuestion', id: answered }, MOTHER_2)).toEqual(forbidden)
    expect(await h.call(main, { action: 'editQuestion', id: answered, question: '改别人的问题' }, MOTHER_2)).toEqual(forbidden)
    expect(await questionDoc(open)).toMatchObject({ question: '夜奶怎么戒掉比较好？' })
    expect(await questionDoc(answered)).toMatchObject({ question: '辅食先加米粉还是蔬菜？' })
  })

  test('a sensitive word in an edit or an answer is CONTENT_REJECTED; nothing changes', async () => {
    const id = await ask(MOTHER, '宝宝晚上总是哭闹')
    expect(await h.call(main, { action: 'editQuestion', id, question: '宝宝 赌博 哭闹' }, MOTHER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await h.call(main, { action: 'answer', id, answer: '加微信返现' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await questionDoc(id)).toMatchObject({ question: '宝宝晚上总是哭闹', answered: false })
  })
})

describe('posts', () => {
  const publish = async (data: Record<string, unknown>) => (await h.ok<{ id: string }>(main, { action: 'publishPost', ...data }, LEADER)).id

  test('a leader edits some fields; the rest stay; targeting follows the tags; null takes the cover away', async () => {
    const publishedAt = new Date().toISOString()
    const id = await publish({ title: '补钙', body: '奶里的钙就够了', kind: 'tip', targetTags: ['早产宝宝'], coverFileID: photo('cover') })
    expect(await h.call(main, { action: 'post', id }, MOTHER_2)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '这篇干货已经下架或不对你的宝宝阶段开放' } })
    h.advance(1000)
    const edited = await h.ok(main, { action: 'editPost', id, title: '补钙的误区', targetTags: [], coverFileID: null }, LEADER_2)
    const view = { id, title: '补钙的误区', body: '奶里的钙就够了', kind: 'tip', targetTags: [], authorName: '王团长', publishedAt }
    expect(edited).toEqual(view)
    const doc = await postDoc(id)
    expect(doc).toMatchObject({ targeted: false, targetTags: [] })
    expect(doc).not.toHaveProperty('coverFileID')
    expect(iso(doc?.editedAt)).toBe(new Date().toISOString())
    expect(await h.ok(main, { action: 'post', id }, MOTHER_2)).toEqual(view)
  })

  test('an edit replaces the tags (once each) and sets targeted; body, kind and a new cover land', async () => {
    const id = await publish({ title: '原标题', body: '原正文', kind: 'tip', targetTags: ['早产宝宝'] })
    const edited = await h.ok(main, { action: 'editPost', id, body: '新正文', kind: 'expert', targetTags: ['敏感肌宝宝妈妈', '敏感肌宝宝妈妈'], coverFileID: photo('new') }, LEADER)
    expect(edited).toMatchObject({ title: '原标题', body: '新正文', kind: 'expert', targetTags: ['敏感肌宝宝妈妈'], coverFileID: photo('new') })
    expect(await postDoc(id)).toMatchObject({ targeted: true, targetTags: ['敏感肌宝宝妈妈'], coverFileID: photo('new') })
    // the old tag no longer opens it; the new one does
    await h.seedMember({ openid: 'o-cc-early', tags: ['早产宝宝'] })
    await h.seedMember({ openid: 'o-cc-skin', tags: ['敏感肌宝宝妈妈'] })
    expect(await h.call(main, { action: 'post', id }, 'o-cc-early')).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } })
    expect(await h.ok(main, { action: 'post', id }, 'o-cc-skin')).toMatchObject({ id })
    // a leader sees a post whatever its tags
    expect(await h.ok(main, { action: 'post', id }, LEADER_2)).toMatchObject({ id })
  })

  test('every text of an edit passes the content check: title, body and tags', async () => {
    const id = await publish({ title: '不变的标题', body: '不变的正文', kind: 'expert' })
    for (const over of [{ title: '违禁词' }, { body: '代开发票' }, { targetTags: ['赌博群'] }]) {
      expect(await h.call(main, { action: 'editPost', id, ...over }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    }
    expect(await h.call(main, { action: 'editPost', id }, LEADER)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '没有要修改的内容' } })
    const doc = await postDoc(id)
    expect(doc).toMatchObject({ title: '不变的标题', body: '不变的正文', targetTags: [], targeted: false })
    expect(doc).not.toHaveProperty('editedAt')
  })

  test('a tag on a new post passes the content check too', async () => {
    const before = await h.count('posts')
    expect(await h.call(main, { action: 'publishPost', title: '标题', body: '正文', kind: 'tip', targetTags: ['加微信返现'] }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await h.count('posts')).toBe(before)
  })

  test('a leader removes a post: gone for all; removing or editing it again is NOT_FOUND', async () => {
    const id = await publish({ title: '要下架的', body: '正文', kind: 'tip' })
    const other = await publish({ title: '留着的', body: '正文', kind: 'tip' })
    expect(await h.ok(main, { action: 'removePost', id }, LEADER_2)).toEqual({ id, removed: true })
    expect(await postDoc(id)).toBeUndefined()
    expect(await postDoc(other)).toBeDefined()
    const missing = { ok: false, error: { code: 'NOT_FOUND', message: '这篇干货已经下架了' } }
    expect(await h.call(main, { action: 'removePost', id }, LEADER)).toEqual(missing)
    expect(await h.call(main, { action: 'editPost', id, title: '复活' }, LEADER)).toEqual(missing)
    expect(await h.call(main, { action: 'post', id }, MOTHER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '这篇干货已经下架或不对你的宝宝阶段开放' } })
    expect(await h.count('posts', { _id: id })).toBe(0)
  })

  test('members cannot edit or remove posts', async () => {
    const id = await publish({ title: '只读', body: '正文', kind: 'tip' })
    for (const data of [{ action: 'editPost', id, title: '改了' }, { action: 'removePost', id }, { action: 'closeContest', contestId: 'x' }]) {
      expect(await h.call(main, data, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
    }
    expect(await postDoc(id)).toMatchObject({ title: '只读' })
  })
})
