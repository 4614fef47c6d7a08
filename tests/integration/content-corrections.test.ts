// content: a mother corrects and removes her own diaries and unanswered questions; leaders correct
// and remove posts; a shared post opens by id.
import type { DiaryView, PostView, QuestionView, RankedDiary } from '../../domain/content'
import type { Page } from '../../domain/member'
import { countOf, errorOf, LEADER, LEADER_2, MOTHER, MOTHER_2, PENDING, photo, seedCast } from './content-helpers'
import { useCloud } from './support'

const cloud = useCloud(async () => {
  await seedCast(cloud)
})

const content = <T = unknown>(openid: string, data: Record<string, unknown>) => cloud.ok<T>('content', data, openid)
const diaryDoc = async (id: string) => (await cloud.db.collection('diaries').where({ _id: id }).get()).data[0] as Record<string, unknown> | undefined
const questionDoc = async (id: string) => (await cloud.db.collection('questions').where({ _id: id }).get()).data[0] as Record<string, unknown> | undefined

describe('her diaries', () => {
  const post = async (openid: string, text: string, contestId?: string) =>
    (await content<{ id: string }>(openid, { action: 'postDiary', text, photoFileID: photo(text), ...(contestId ? { contestId } : {}) })).id

  test('she edits her text; the feed shows the new text', async () => {
    const id = await post(MOTHER, '第一次翻生')
    const res = await content<{ id: string; editedAt: string }>(MOTHER, { action: 'editDiary', id, text: '第一次翻身！' })
    expect(res).toEqual({ id, editedAt: expect.any(String) })
    const page = await content<Page<DiaryView>>(MOTHER_2, { action: 'diaries' })
    expect(page.items.find((d) => d.id === id)?.text).toBe('第一次翻身！')
  })

  test('another mother can neither edit nor delete it (FORBIDDEN), and nothing changes', async () => {
    const id = await post(MOTHER, '只属于我')
    await content(MOTHER_2, { action: 'like', id })
    expect(errorOf(await cloud.call('content', { action: 'editDiary', id, text: '改掉你的' }, MOTHER_2))).toEqual({ code: 'FORBIDDEN', message: '只能修改或删除自己发的日记' })
    expect(errorOf(await cloud.call('content', { action: 'deleteDiary', id }, MOTHER_2)).code).toBe('FORBIDDEN')
    // a leader has no say over a mother's diary either
    expect(errorOf(await cloud.call('content', { action: 'deleteDiary', id }, LEADER)).code).toBe('FORBIDDEN')
    expect(await diaryDoc(id)).toMatchObject({ text: '只属于我', likeCount: 1 })
    expect(await countOf(cloud, 'likes', { diaryId: id })).toBe(1)
  })

  test('an edit with a sensitive word is CONTENT_REJECTED and the old text stays', async () => {
    const id = await post(MOTHER, '原来的话')
    expect(errorOf(await cloud.call('content', { action: 'editDiary', id, text: '宝宝 fake-banned' }, MOTHER)).code).toBe('CONTENT_REJECTED')
    expect((await diaryDoc(id))?.text).toBe('原来的话')
  })

  test('malformed edits and deletes are BAD_INPUT and change nothing', async () => {
    const id = await post(MOTHER, '不变')
    for (const data of [
      { action: 'editDiary', id, text: '' },
      { action: 'editDiary', id, text: 'x'.repeat(201) },
      { action: 'editDiary', id, text: '好', photoFileID: photo('other') },
      { action: 'editDiary', text: '没有编号' },
      { action: 'deleteDiary' },
      { action: 'deleteDiary', id: 42 },
    ]) {
      expect([data, errorOf(await cloud.call('content', data, MOTHER)).code]).toEqual([data, 'BAD_INPUT'])
    }
    expect(await diaryDoc(id)).toMatchObject({ text: '不变', photoFileID: photo('不变') })
  })

  test('deleting her contest entry removes it, its likes, and its place in the ranking', async () => {
    const contestId = (await content<{ id: string }>(LEADER, { action: 'createContest', title: '删除测试', theme: '晒娃', deadline: new Date(Date.now() + 5 * 86400_000).toISOString() })).id
    const gone = await post(MOTHER, '要删掉的参赛', contestId)
    const stays = await post(MOTHER_2, '留下的参赛', contestId)
    for (const by of ['o-del-1', 'o-del-2']) {
      await cloud.seedMember({ openid: by })
      await content(by, { action: 'like', id: gone })
    }
    await content('o-del-1', { action: 'like', id: stays })
    expect((await content<{ items: RankedDiary[] }>(MOTHER, { action: 'ranking', contestId })).items.map((e) => e.id)).toEqual([gone, stays])

    expect(await content(MOTHER, { action: 'deleteDiary', id: gone })).toEqual({ id: gone, deleted: true })
    expect(await diaryDoc(gone)).toBeUndefined()
    expect(await countOf(cloud, 'likes', { diaryId: gone })).toBe(0)
    const ranking = await content<{ items: RankedDiary[] }>(MOTHER, { action: 'ranking', contestId })
    expect(ranking.items.map((e) => [e.id, e.rank, e.rankedLikes])).toEqual([[stays, 1, 1]])
    expect(await countOf(cloud, 'likes', { diaryId: stays })).toBe(1)
    // the others' likes on other diaries are untouched, and liking the deleted one is NOT_FOUND
    expect(errorOf(await cloud.call('content', { action: 'like', id: gone }, 'o-del-2')).code).toBe('NOT_FOUND')
    expect(await countOf(cloud, 'likes', { diaryId: gone })).toBe(0)
  })

  test('deleting again is NOT_FOUND, and sweeps likes a stopped deletion left behind', async () => {
    const id = await post(MOTHER, '删一半')
    await content(MOTHER_2, { action: 'like', id })
    // a deletion that stopped after its first write: the diary is gone, its like is not
    await cloud.db.collection('diaries').doc(id).remove()
    expect(await countOf(cloud, 'likes', { diaryId: id })).toBe(1)
    expect(errorOf(await cloud.call('content', { action: 'deleteDiary', id }, MOTHER))).toEqual({ code: 'NOT_FOUND', message: '这条日记不存在或已被删除' })
    expect(await countOf(cloud, 'likes', { diaryId: id })).toBe(0)
  })

  test('likes in flight while she deletes find the diary gone and leave no like behind', async () => {
    const likers = ['o-race-1', 'o-race-2', 'o-race-3']
    await Promise.all(likers.map((openid) => cloud.seedMember({ openid })))
    const id = await post(MOTHER, '边删边赞')
    // each like reads the diary (all three see it), then is held before it stores its like record
    const diaryRead = cloud.barrier({ collection: 'diaries', action: 'get', count: 3 })
    const likeAdds = cloud.barrier({ collection: 'likes', action: 'add', count: 4 })
    const likes = Promise.all(likers.map((openid) => cloud.call('content', { action: 'like', id }, openid)))
    await diaryRead
    // the deletion (diary, then its likes) lands while all three likes are between read and write
    expect(await cloud.call('content', { action: 'deleteDiary', id }, MOTHER)).toEqual({ ok: true, data: { id, deleted: true } })
    // a fourth add lets the held ones go on: their records land after the deletion swept
    await cloud.db.collection('likes').add({ data: { _id: 'release-held-likes', diaryId: 'none', openid: 'none' } })
    await likeAdds
    await cloud.db.collection('likes').doc('release-held-likes').remove()
    for (const r of await likes) expect(errorOf(r)).toEqual({ code: 'NOT_FOUND', message: '这条日记不存在或已被删除' })
    expect(await diaryDoc(id)).toBeUndefined()
    expect(await countOf(cloud, 'likes', { diaryId: id })).toBe(0)
  })
})

describe('her questions', () => {
  const ask = async (openid: string, question: string) => (await content<{ id: string }>(openid, { action: 'ask', question })).id

  test('she edits and deletes her unanswered question', async () => {
    const id = await ask(MOTHER, '宝宝几个月能吃盐')
    expect(await content(MOTHER, { action: 'editQuestion', id, question: '宝宝几个月可以吃盐？' })).toEqual({ id, editedAt: expect.any(String) })
    const mine = await content<Page<QuestionView>>(MOTHER, { action: 'questions', mine: true })
    expect(mine.items.find((q) => q.id === id)?.question).toBe('宝宝几个月可以吃盐？')
    expect(await content(MOTHER, { action: 'deleteQuestion', id })).toEqual({ id, deleted: true })
    expect(await questionDoc(id)).toBeUndefined()
    expect((await content<Page<QuestionView>>(LEADER, { action: 'unanswered' })).items.map((q) => q.id)).not.toContain(id)
  })

  test('once answered, edit and delete are CONFLICT with a clear message and the answer stays', async () => {
    const id = await ask(MOTHER, '湿疹要不要用激素药膏？')
    await content(LEADER, { action: 'answer', id, answer: '遵医嘱短期使用' })
    const edit = errorOf(await cloud.call('content', { action: 'editQuestion', id, question: '改一下问题内容' }, MOTHER))
    expect(edit).toEqual({ code: 'CONFLICT', message: '专家已经回答了这个问题，不能再修改或删除啦' })
    expect(errorOf(await cloud.call('content', { action: 'deleteQuestion', id }, MOTHER)).code).toBe('CONFLICT')
    expect(await questionDoc(id)).toMatchObject({ question: '湿疹要不要用激素药膏？', answer: '遵医嘱短期使用' })
  })

  test('another mother’s unanswered question reads as missing; her answered one is FORBIDDEN', async () => {
    const open = await ask(MOTHER, '夜奶怎么戒掉比较好？')
    expect(errorOf(await cloud.call('content', { action: 'editQuestion', id: open, question: '别人的问题改一下' }, MOTHER_2)).code).toBe('NOT_FOUND')
    expect(errorOf(await cloud.call('content', { action: 'deleteQuestion', id: open }, MOTHER_2)).code).toBe('NOT_FOUND')
    const answered = await ask(MOTHER, '辅食先加米粉还是蔬菜？')
    await content(LEADER, { action: 'answer', id: answered, answer: '先加强化铁米粉' })
    expect(errorOf(await cloud.call('content', { action: 'deleteQuestion', id: answered }, MOTHER_2)).code).toBe('FORBIDDEN')
    expect(await questionDoc(open)).toMatchObject({ question: '夜奶怎么戒掉比较好？' })
    expect(await questionDoc(answered)).toBeDefined()
  })

  test('an answer racing her edit: exactly one wins, and the loser is told why', async () => {
    const id = await ask(MOTHER, '出牙期发烧正常吗？')
    // both read nothing first: the answer's and the edit's conditional updates arrive together
    const writes = cloud.barrier({ collection: 'questions', action: 'update', count: 2 })
    const [edit, answer] = await Promise.all([
      cloud.call('content', { action: 'editQuestion', id, question: '出牙期低烧正常吗？' }, MOTHER),
      cloud.call('content', { action: 'answer', id, answer: '低烧常见，高烧就医' }, LEADER),
    ])
    await writes
    const doc = await questionDoc(id)
    expect(answer.ok).toBe(true) // the answer has no condition the edit can break
    if (edit.ok) expect(doc).toMatchObject({ question: '出牙期低烧正常吗？', answered: true })
    else {
      expect(errorOf(edit).code).toBe('CONFLICT')
      expect(doc).toMatchObject({ question: '出牙期发烧正常吗？', answered: true })
    }
  })

  test('a sensitive word in an edit is CONTENT_REJECTED; a short one is BAD_INPUT; nothing changes', async () => {
    const id = await ask(MOTHER, '宝宝晚上总是哭闹')
    expect(errorOf(await cloud.call('content', { action: 'editQuestion', id, question: '宝宝 fake-banned 哭闹' }, MOTHER)).code).toBe('CONTENT_REJECTED')
    expect(errorOf(await cloud.call('content', { action: 'editQuestion', id, question: '短' }, MOTHER)).code).toBe('BAD_INPUT')
    expect((await questionDoc(id))?.question).toBe('宝宝晚上总是哭闹')
  })
})

describe('posts', () => {
  const publish = async (data: Record<string, unknown>) => (await content<{ id: string }>(LEADER, { action: 'publishPost', ...data })).id

  test('a leader edits some fields; the rest stay; targeting follows the tags', async () => {
    const id = await publish({ title: '补钙', body: '奶里的钙就够了', kind: 'tip', targetTags: ['早产'], coverFileID: photo('cover') })
    // a mother without the tag cannot open it yet
    expect(errorOf(await cloud.call('content', { action: 'post', id }, MOTHER_2)).code).toBe('NOT_FOUND')
    const edited = await content<PostView>(LEADER_2, { action: 'editPost', id, title: '补钙的误区', targetTags: [], coverFileID: null })
    expect(edited).toEqual({ id, title: '补钙的误区', body: '奶里的钙就够了', kind: 'tip', targetTags: [], authorName: '王团长', publishedAt: expect.any(String) })
    expect(await content<PostView>(MOTHER_2, { action: 'post', id })).toEqual(edited)
    const feed = await content<Page<PostView>>(MOTHER_2, { action: 'feed' })
    expect(feed.items.find((p) => p.id === id)?.title).toBe('补钙的误区')
  })

  test('an edit with nothing to change, or a bad field, is BAD_INPUT; a sensitive title CONTENT_REJECTED; nothing changes', async () => {
    const id = await publish({ title: '不变的标题', body: '正文', kind: 'expert' })
    expect(errorOf(await cloud.call('content', { action: 'editPost', id }, LEADER))).toEqual({ code: 'BAD_INPUT', message: '没有要修改的内容' })
    expect(errorOf(await cloud.call('content', { action: 'editPost', id, kind: 'ad' }, LEADER)).code).toBe('BAD_INPUT')
    expect(errorOf(await cloud.call('content', { action: 'editPost', id, authorOpenid: MOTHER }, LEADER)).code).toBe('BAD_INPUT')
    expect(errorOf(await cloud.call('content', { action: 'editPost', id, title: '违禁词 fake-banned' }, LEADER)).code).toBe('CONTENT_REJECTED')
    expect(await content<PostView>(LEADER, { action: 'post', id })).toMatchObject({ title: '不变的标题', kind: 'expert' })
  })

  test('a leader removes a post: it leaves the feed and its link answers NOT_FOUND; removing again is NOT_FOUND', async () => {
    const id = await publish({ title: '要下架的', body: '正文', kind: 'tip' })
    expect(await content(LEADER_2, { action: 'removePost', id })).toEqual({ id, removed: true })
    expect((await content<Page<PostView>>(MOTHER, { action: 'feed' })).items.map((p) => p.id)).not.toContain(id)
    expect(errorOf(await cloud.call('content', { action: 'post', id }, MOTHER))).toEqual({ code: 'NOT_FOUND', message: '这篇干货已经下架或不对你的宝宝阶段开放' })
    expect(errorOf(await cloud.call('content', { action: 'removePost', id }, LEADER)).code).toBe('NOT_FOUND')
    expect(errorOf(await cloud.call('content', { action: 'editPost', id, title: '复活' }, LEADER)).code).toBe('NOT_FOUND')
    expect(await countOf(cloud, 'posts', { _id: id })).toBe(0)
  })

  test('a shared post older than the first feed page still opens by id', async () => {
    const old = await publish({ title: '很久以前的干货', body: '老文章', kind: 'tip' })
    for (let i = 0; i < 12; i++) await publish({ title: `新干货 ${i}`, body: '正文', kind: 'tip' })
    const first = await content<Page<PostView>>(MOTHER, { action: 'feed', page: 1, pageSize: 10 })
    expect(first.items.map((p) => p.id)).not.toContain(old)
    expect(await content<PostView>(MOTHER, { action: 'post', id: old })).toMatchObject({ id: old, title: '很久以前的干货' })
  })

  test('members cannot edit or remove posts; outsiders cannot open one', async () => {
    const id = await publish({ title: '只读', body: '正文', kind: 'tip' })
    expect(errorOf(await cloud.call('content', { action: 'editPost', id, title: '改了' }, MOTHER)).code).toBe('FORBIDDEN')
    expect(errorOf(await cloud.call('content', { action: 'removePost', id }, MOTHER)).code).toBe('FORBIDDEN')
    expect(errorOf(await cloud.call('content', { action: 'post', id }, PENDING)).code).toBe('NOT_MEMBER')
    expect(errorOf(await cloud.call('content', { action: 'closeContest', contestId: 'x' }, MOTHER)).code).toBe('FORBIDDEN')
    expect(await content<PostView>(MOTHER, { action: 'post', id })).toMatchObject({ title: '只读' })
  })
})
