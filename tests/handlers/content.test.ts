import { main } from '../../cloudfunctions/content/index'
import { startHarness, type Harness } from './harness'

let h: Harness
const LEADER = 'o-c-leader'
const EXPERT = 'o-c-expert'
const MOTHER = 'o-c-mother'
const MOTHER_2 = 'o-c-mother-2'
const PENDING = 'o-c-pending'
const photo = (name: string) => `cloud://local-env.local-bucket/diary/${name}.jpg`

type Page<T> = { items: T[]; total: number; page: number; pageSize: number }
type Post = { id: string; title: string; body: string; kind: string; targetTags: string[]; coverFileID?: string; authorName: string; publishedAt: string }
type Question = { id: string; question: string; answered: boolean; answer?: string; answeredByName?: string; answeredAt?: string; askedAt: string; mine: boolean }
type Diary = { id: string; authorName: string; text: string; likeCount: number; likedByMe: boolean; mine: boolean; contestId?: string; rank?: number; createdAt: string }

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  await h.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await h.seedMember({ openid: EXPERT, roles: ['leader'], nickname: '  ' })
  await h.seedMember({ openid: MOTHER, tags: ['敏感肌宝宝妈妈'], nickname: '小雨妈妈' })
  await h.seedMember({ openid: MOTHER_2, tags: [], nickname: '豆豆妈妈' })
  await h.seedMember({ openid: PENDING, status: 'pending', nickname: '新妈妈' })
})
afterAll(async () => {
  await h.close()
})

describe('posts', () => {
  test('a leader publishes; the post is stored as written, tags once each', async () => {
    const { id } = await h.ok<{ id: string }>(main, { action: 'publishPost', title: ' 敏感肌护理 ', body: '正文', kind: 'expert', targetTags: ['敏感肌宝宝妈妈', '敏感肌宝宝妈妈'], coverFileID: photo('cover') }, LEADER)
    const stored = (await h.db.collection('posts').doc(id).get()).data
    expect(stored).toMatchObject({ title: '敏感肌护理', body: '正文', kind: 'expert', targetTags: ['敏感肌宝宝妈妈'], targeted: true, coverFileID: photo('cover'), authorOpenid: LEADER, authorName: '王团长' })
    expect(new Date(stored.publishedAt).toISOString()).toBe(new Date().toISOString())
  })

  test('an untargeted post has no cover field unless given, and a nameless leader signs as the team', async () => {
    h.advance(60_000)
    const { id } = await h.ok<{ id: string }>(main, { action: 'publishPost', title: '每日干货', body: '多喝水', kind: 'tip' }, EXPERT)
    const stored = (await h.db.collection('posts').doc(id).get()).data
    expect(stored).toMatchObject({ targetTags: [], targeted: false, authorName: '亲亲宝贝团长' })
    expect(stored).not.toHaveProperty('coverFileID')
  })

  test('a post that fails the content check is not stored, whether the title or the body', async () => {
    const before = await h.count('posts')
    for (const over of [{ title: '赌博技巧' }, { body: '加微信返现' }]) {
      const env = await h.call(main, { action: 'publishPost', title: '标题', body: '正文', kind: 'tip', ...over }, LEADER)
      expect(env).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    }
    expect(await h.count('posts')).toBe(before)
  })

  test('the feed: a mother sees untargeted posts and those for her tags, newest first; staff see all', async () => {
    h.advance(60_000)
    await h.ok(main, { action: 'publishPost', title: '早产宝宝', body: '护理', kind: 'tip', targetTags: ['早产宝宝'] }, LEADER)
    const titles = async (openid: string) => (await h.ok<Page<Post>>(main, { action: 'feed' }, openid)).items.map((p) => p.title)
    expect(await titles(MOTHER)).toEqual(['每日干货', '敏感肌护理'])
    expect(await titles(MOTHER_2)).toEqual(['每日干货'])
    expect(await titles(LEADER)).toEqual(['早产宝宝', '每日干货', '敏感肌护理'])
    const page = await h.ok<Page<Post>>(main, { action: 'feed', page: 2, pageSize: 1 }, MOTHER)
    expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(page.items[0]).toMatchObject({ title: '敏感肌护理', kind: 'expert', targetTags: ['敏感肌宝宝妈妈'], coverFileID: photo('cover'), authorName: '王团长' })
    expect(page.items[0].publishedAt).toBe('2026-11-28T02:00:00.000Z')
  })

  test('members read, only leaders publish', async () => {
    expect(await h.call(main, { action: 'feed' }, PENDING)).toMatchObject({ ok: false, error: { code: 'NOT_MEMBER' } })
    expect(await h.call(main, { action: 'publishPost', title: 't', body: 'b', kind: 'tip' }, MOTHER)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })
})

describe('questions and answers', () => {
  let open: string
  let answered: string

  test('a mother asks; her question is stored as asked, unanswered', async () => {
    open = (await h.ok<{ id: string }>(main, { action: 'ask', question: '宝宝湿疹怎么护理？' }, MOTHER)).id
    h.advance(1000)
    answered = (await h.ok<{ id: string }>(main, { action: 'ask', question: '辅食先加什么好？' }, MOTHER_2)).id
    expect((await h.db.collection('questions').doc(open).get()).data).toMatchObject({ question: '宝宝湿疹怎么护理？', askedBy: MOTHER, answered: false })
    expect(await h.call(main, { action: 'ask', question: '哪里可以赌博呢' }, MOTHER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
  })

  test('the leaders’ queue lists open questions, oldest first', async () => {
    h.advance(1000)
    await h.ok(main, { action: 'ask', question: '第三个问题来了' }, MOTHER_2)
    const queue = await h.ok<Page<Question>>(main, { action: 'unanswered' }, LEADER)
    expect(queue.items.map((q) => q.question)).toEqual(['宝宝湿疹怎么护理？', '辅食先加什么好？', '第三个问题来了'])
    expect(queue.items[0]).toMatchObject({ id: open, answered: false, mine: false })
    expect(queue.items[0]).not.toHaveProperty('answer')
  })

  test('a leader answers once; a second answer is a CONFLICT, an unknown one NOT_FOUND', async () => {
    const res = await h.ok<{ id: string; answeredAt: string }>(main, { action: 'answer', id: answered, answer: '先加高铁米粉' }, EXPERT)
    expect(res).toEqual({ id: answered, answeredAt: new Date().toISOString() })
    expect((await h.db.collection('questions').doc(answered).get()).data).toMatchObject({ answered: true, answer: '先加高铁米粉', answeredBy: EXPERT, answeredByName: '亲亲宝贝专家' })
    expect(await h.call(main, { action: 'answer', id: answered, answer: '再答一次' }, LEADER)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '这个问题已经有人回答了，请刷新后查看' } })
    expect(await h.call(main, { action: 'answer', id: 'q-none', answer: '答' }, LEADER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '问题不存在或已被删除' } })
    expect(await h.call(main, { action: 'answer', id: open, answer: '可以赌博' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect((await h.db.collection('questions').doc(open).get()).data.answered).toBe(false)
  })

  test('a mother sees answered questions and her own; with mine, only hers', async () => {
    const mine = await h.ok<Page<Question>>(main, { action: 'questions' }, MOTHER)
    expect(mine.items.map((q) => q.question)).toEqual(['辅食先加什么好？', '宝宝湿疹怎么护理？'])
    const byId = Object.fromEntries(mine.items.map((q) => [q.id, q]))
    expect(byId[open]).toMatchObject({ mine: true, answered: false })
    expect(byId[answered]).toMatchObject({ mine: false, answered: true, answer: '先加高铁米粉', answeredByName: '亲亲宝贝专家' })
    expect(byId[answered].answeredAt).toBe(new Date().toISOString())
    const only = await h.ok<Page<Question>>(main, { action: 'questions', mine: true }, MOTHER)
    expect(only.items.map((q) => q.id)).toEqual([open])
    const other = await h.ok<Page<Question>>(main, { action: 'questions', mine: true }, MOTHER_2)
    expect(other.total).toBe(2)
  })
})

describe('diaries, likes and contests', () => {
  let contest: string
  let first: string
  let second: string

  test('a contest needs a deadline ahead and clean words', async () => {
    const past = new Date(Date.now() - 1).toISOString()
    expect(await h.call(main, { action: 'createContest', title: '晒娃', theme: '宝宝的第一次', deadline: new Date().toISOString() }, LEADER)).toEqual({ ok: false, error: { code: 'BAD_INPUT', message: '截止时间需晚于现在' } })
    expect(await h.call(main, { action: 'createContest', title: '晒娃', theme: '宝宝的第一次', deadline: past }, LEADER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
    expect(await h.call(main, { action: 'createContest', title: '晒娃', theme: '加微信返现', deadline: '2026-12-31T00:00:00+08:00' }, LEADER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    contest = (await h.ok<{ id: string }>(main, { action: 'createContest', title: '晒娃大赛', theme: '宝宝的第一次', deadline: '2026-12-01T00:00:00+08:00' }, LEADER)).id
    const list = await h.ok<{ items: Array<Record<string, unknown>> }>(main, { action: 'contests' }, MOTHER)
    expect(list.items).toEqual([{ id: contest, title: '晒娃大赛', theme: '宝宝的第一次', deadline: '2026-11-30T16:00:00.000Z', open: true, createdAt: new Date().toISOString() }])
  })

  test('mothers post diaries, into a contest or not; bad words and unknown contests are refused', async () => {
    first = (await h.ok<{ id: string }>(main, { action: 'postDiary', text: '第一次翻身', photoFileID: photo('a'), contestId: contest }, MOTHER)).id
    h.advance(1000)
    second = (await h.ok<{ id: string }>(main, { action: 'postDiary', text: '第一次笑', photoFileID: photo('b'), contestId: contest }, MOTHER_2)).id
    h.advance(1000)
    const loose = (await h.ok<{ id: string }>(main, { action: 'postDiary', text: '日常', photoFileID: photo('c') }, EXPERT)).id
    expect((await h.db.collection('diaries').doc(first).get()).data).toMatchObject({ openid: MOTHER, authorName: '小雨妈妈', text: '第一次翻身', photoFileID: photo('a'), contestId: contest, likeCount: 0 })
    const looseDoc = (await h.db.collection('diaries').doc(loose).get()).data
    expect(looseDoc).toMatchObject({ authorName: '亲亲宝贝妈妈' })
    expect(looseDoc).not.toHaveProperty('contestId')
    expect(await h.call(main, { action: 'postDiary', text: '赌博', photoFileID: photo('d') }, MOTHER)).toMatchObject({ ok: false, error: { code: 'CONTENT_REJECTED' } })
    expect(await h.call(main, { action: 'postDiary', text: '好', photoFileID: photo('e'), contestId: 'c-none' }, MOTHER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '活动不存在或已被删除' } })
    expect(await h.count('diaries')).toBe(3)
  })

  test('a like counts once per mother, a second tap changes nothing', async () => {
    expect(await h.ok(main, { action: 'like', id: second }, MOTHER)).toEqual({ liked: true, counted: true, likeCount: 1 })
    expect(await h.ok(main, { action: 'like', id: second }, MOTHER)).toEqual({ liked: true, counted: false, likeCount: 1 })
    expect(await h.ok(main, { action: 'like', id: second }, EXPERT)).toEqual({ liked: true, counted: true, likeCount: 2 })
    expect(await h.call(main, { action: 'like', id: 'd-none' }, MOTHER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '这条日记不存在或已被删除' } })
    expect(await h.count('likes', { diaryId: second })).toBe(2)
  })

  test('the diary list: newest first, her likes and her own marked, one contest’s entries on request', async () => {
    const all = await h.ok<Page<Diary>>(main, { action: 'diaries' }, MOTHER)
    expect(all.items.map((d) => d.text)).toEqual(['日常', '第一次笑', '第一次翻身'])
    expect(all).toMatchObject({ total: 3, page: 1, pageSize: 20 })
    const byText = Object.fromEntries(all.items.map((d) => [d.text, d]))
    expect(byText['第一次笑']).toMatchObject({ likedByMe: true, mine: false, likeCount: 2, contestId: contest })
    expect(byText['第一次翻身']).toMatchObject({ likedByMe: false, mine: true, likeCount: 0 })
    const entries = await h.ok<Page<Diary>>(main, { action: 'diaries', contestId: contest, pageSize: 1, page: 2 }, MOTHER_2)
    expect(entries).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(entries.items.map((d) => d.id)).toEqual([first])
  })

  test('the ranking: most likes first, a tie goes to the earlier entry', async () => {
    const ranking = await h.ok<{ contest: { id: string; open: boolean }; items: Diary[] }>(main, { action: 'ranking', contestId: contest }, MOTHER)
    expect(ranking.contest).toMatchObject({ id: contest, open: true })
    expect(ranking.items.map((d) => [d.id, d.rank, d.likeCount, d.likedByMe])).toEqual([[second, 1, 2, true], [first, 2, 0, false]])
    await h.ok(main, { action: 'like', id: first }, MOTHER_2)
    await h.ok(main, { action: 'like', id: first }, EXPERT)
    const tied = await h.ok<{ items: Diary[] }>(main, { action: 'ranking', contestId: contest }, MOTHER)
    expect(tied.items.map((d) => [d.id, d.rank])).toEqual([[first, 1], [second, 2]])
    expect(await h.call(main, { action: 'ranking', contestId: 'c-none' }, MOTHER)).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '活动不存在或已被删除' } })
  })

  test('after the deadline the contest is closed to entries but still ranked', async () => {
    h.setNow('2026-12-01T00:00:00+08:00')
    expect(await h.call(main, { action: 'postDiary', text: '晚了', photoFileID: photo('f'), contestId: contest }, MOTHER)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '活动已截止，不能再参加啦' } })
    const list = await h.ok<{ items: Array<{ open: boolean }> }>(main, { action: 'contests' }, MOTHER)
    expect(list.items[0].open).toBe(false)
    expect((await h.ok<{ contest: { open: boolean } }>(main, { action: 'ranking', contestId: contest }, MOTHER)).contest.open).toBe(false)
  })
})
