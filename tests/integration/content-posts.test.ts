// content: access for every action, posts and the tag-targeted feed, expert Q&A.
import type { PostView, QuestionView } from '../../domain/content'
import type { Page } from '../../domain/member'
import { countOf, errorOf, LEADER, LEADER_2, MOTHER, MOTHER_2, PENDING, seedCast, VISITOR } from './content-helpers'
import { useCloud } from './support'

const cloud = useCloud(async () => {
  await seedCast(cloud)
})

describe('access', () => {
  const memberActions: Record<string, unknown>[] = [
    { action: 'feed' },
    { action: 'ask', question: '宝宝湿疹反复怎么办？' },
    { action: 'questions' },
    { action: 'postDiary', text: '第一次翻身', photoFileID: 'cloud://local-env.b/x.jpg' },
    { action: 'like', id: 'some-diary' },
    { action: 'diaries' },
    { action: 'contests' },
    { action: 'ranking', contestId: 'some-contest' },
  ]
  const leaderActions: Record<string, unknown>[] = [
    { action: 'publishPost', title: '辅食第一口', body: '从高铁米粉开始', kind: 'tip' },
    { action: 'answer', id: 'some-question', answer: '先保湿' },
    { action: 'unanswered' },
    { action: 'createContest', title: '宝宝第一次', theme: '晒出第一次翻身', deadline: '2099-01-01T00:00:00+08:00' },
  ]

  test.each([VISITOR, PENDING])('%s (not admitted) gets NOT_MEMBER for every content action and nothing is written', async (openid) => {
    for (const data of [...memberActions, ...leaderActions]) {
      expect([data.action, errorOf(await cloud.call('content', data, openid)).code]).toEqual([data.action, 'NOT_MEMBER'])
    }
    for (const c of ['posts', 'questions', 'diaries', 'likes', 'contests']) expect(await countOf(cloud, c)).toBe(0)
  })

  test('a member calling a leader action gets FORBIDDEN and nothing is written', async () => {
    for (const data of leaderActions) {
      expect([data.action, errorOf(await cloud.call('content', data, MOTHER)).code]).toEqual([data.action, 'FORBIDDEN'])
    }
    expect(await countOf(cloud, 'posts')).toBe(0)
    expect(await countOf(cloud, 'contests')).toBe(0)
  })
})

describe('posts and the feed', () => {
  const publish = (data: Record<string, unknown>) => cloud.ok<{ id: string }>('content', { action: 'publishPost', ...data }, LEADER)

  beforeAll(async () => {
    await publish({ title: '每日干货：补钙', body: '6 个月前奶里的钙就够了', kind: 'tip' })
    await cloud.advanceClock(1000)
    await publish({ title: '敏感肌护理', body: '洗澡水温 37 度', kind: 'expert', targetTags: ['敏感肌宝宝妈妈', '早产'], coverFileID: 'cloud://local-env.b/cover.jpg' })
    await cloud.advanceClock(1000)
    await publish({ title: '1–3 岁的语言', body: '多和宝宝说话', kind: 'tip', targetTags: ['1–3 岁'] })
  })

  test('a member sees untargeted posts and posts for her tags, newest first, with ISO times and the author', async () => {
    const feed = await cloud.ok<Page<PostView>>('content', { action: 'feed' }, MOTHER)
    expect(feed.total).toBe(2)
    expect(feed.items.map((p) => p.title)).toEqual(['敏感肌护理', '每日干货：补钙'])
    expect(feed.items[0]).toMatchObject({ kind: 'expert', authorName: '王团长', coverFileID: 'cloud://local-env.b/cover.jpg', targetTags: ['敏感肌宝宝妈妈', '早产'] })
    expect(feed.items[0].publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T.*Z$/)
    expect(JSON.stringify(feed)).not.toContain(LEADER)
  })

  test('a member without matching tags sees only untargeted posts; staff see all', async () => {
    expect((await cloud.ok<Page<PostView>>('content', { action: 'feed' }, MOTHER_2)).items.map((p) => p.title)).toEqual(['每日干货：补钙'])
    const staff = await cloud.ok<Page<PostView>>('content', { action: 'feed' }, LEADER_2)
    expect(staff.items.map((p) => p.title)).toEqual(['1–3 岁的语言', '敏感肌护理', '每日干货：补钙'])
  })

  test('the feed is paged', async () => {
    const second = await cloud.ok<Page<PostView>>('content', { action: 'feed', page: 2, pageSize: 1 }, MOTHER)
    expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 })
    expect(second.items.map((p) => p.title)).toEqual(['每日干货：补钙'])
    expect((await cloud.ok<Page<PostView>>('content', { action: 'feed', page: 3, pageSize: 1 }, MOTHER)).items).toEqual([])
  })

  test('malformed posts answer BAD_INPUT in Chinese and write nothing', async () => {
    const before = await countOf(cloud, 'posts')
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ body: '正文', kind: 'tip' }, /标题/],
      [{ title: '标题', body: '正文', kind: 'advert' }, /类型/],
      [{ title: '标题', body: 'x'.repeat(2001), kind: 'tip' }, /正文最多 2000 个字/],
      [{ title: '标题', body: '正文', kind: 'tip', coverFileID: 'https://evil.example/x.jpg' }, /封面/],
      [{ title: '标题', body: '正文', kind: 'tip', authorOpenid: MOTHER }, /.+/],
    ]
    for (const [data, message] of cases) {
      const err = errorOf(await cloud.call('content', { action: 'publishPost', ...data }, LEADER))
      expect(err.code).toBe('BAD_INPUT')
      expect(err.message).toMatch(message)
    }
    expect(errorOf(await cloud.call('content', { action: 'feed', pageSize: 500 }, MOTHER)).code).toBe('BAD_INPUT')
    expect(await countOf(cloud, 'posts')).toBe(before)
  })

  test('a post with a sensitive word in the title or body is CONTENT_REJECTED and not stored', async () => {
    const before = await countOf(cloud, 'posts')
    for (const data of [{ title: '赌博技巧', body: '正文' }, { title: '好物', body: '加微信返现，代开发票' }]) {
      const err = errorOf(await cloud.call('content', { action: 'publishPost', kind: 'tip', ...data }, LEADER))
      expect(err).toEqual({ code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后再发' })
    }
    expect(await countOf(cloud, 'posts')).toBe(before)
  })
})

describe('expert Q&A', () => {
  let askedId = ''

  test('a member asks; her open question is hers alone until it is answered', async () => {
    askedId = (await cloud.ok<{ id: string }>('content', { action: 'ask', question: '  宝宝湿疹反复，可以用激素药膏吗？ ' }, MOTHER)).id
    const mine = await cloud.ok<Page<QuestionView>>('content', { action: 'questions', mine: true }, MOTHER)
    expect(mine.items).toEqual([expect.objectContaining({ id: askedId, question: '宝宝湿疹反复，可以用激素药膏吗？', answered: false, mine: true })])
    expect((await cloud.ok<Page<QuestionView>>('content', { action: 'questions' }, MOTHER)).items.map((q) => q.id)).toEqual([askedId])
    expect((await cloud.ok<Page<QuestionView>>('content', { action: 'questions' }, MOTHER_2)).total).toBe(0)
  })

  test('leaders see the unanswered queue oldest first', async () => {
    await cloud.advanceClock(1000)
    const later = await cloud.ok<{ id: string }>('content', { action: 'ask', question: '几个月可以吃鸡蛋黄？' }, MOTHER_2)
    const queue = await cloud.ok<Page<QuestionView>>('content', { action: 'unanswered' }, LEADER)
    expect(queue.items.map((q) => q.id)).toEqual([askedId, later.id])
    expect(JSON.stringify(queue)).not.toContain(MOTHER)
  })

  test('an answer makes the question public to every member and leaves the queue', async () => {
    const res = await cloud.ok<{ id: string; answeredAt: string }>('content', { action: 'answer', id: askedId, answer: '弱效激素短期使用是安全的，遵医嘱' }, LEADER_2)
    expect(res.answeredAt).toMatch(/Z$/)
    const seen = await cloud.ok<Page<QuestionView>>('content', { action: 'questions' }, MOTHER_2)
    const answered = seen.items.find((q) => q.id === askedId)
    expect(answered).toMatchObject({ answered: true, answer: '弱效激素短期使用是安全的，遵医嘱', answeredByName: '李医生', mine: false })
    // her own open question still shows for her, answered ones for everyone: newest first
    expect(seen.items.map((q) => q.answered)).toEqual([false, true])
    expect((await cloud.ok<Page<QuestionView>>('content', { action: 'unanswered' }, LEADER)).items.map((q) => q.id)).not.toContain(askedId)
  })

  test('answering an answered question is a CONFLICT; an unknown one NOT_FOUND; the answer stays', async () => {
    expect(errorOf(await cloud.call('content', { action: 'answer', id: askedId, answer: '另一个回答' }, LEADER)).code).toBe('CONFLICT')
    expect(errorOf(await cloud.call('content', { action: 'answer', id: 'no-such-question', answer: '回答' }, LEADER)).code).toBe('NOT_FOUND')
    const doc = (await cloud.db.collection('questions').doc(askedId).get()).data
    expect(doc.answer).toBe('弱效激素短期使用是安全的，遵医嘱')
  })

  test('two leaders answering the same question at once: exactly one answer wins', async () => {
    const { id } = await cloud.ok<{ id: string }>('content', { action: 'ask', question: '夜奶要不要断？' }, MOTHER)
    // both writes arrive before either is applied: only the `answered: false` condition decides
    const writes = cloud.barrier({ collection: 'questions', action: 'update', count: 2 })
    const results = await Promise.all([
      cloud.call('content', { action: 'answer', id, answer: '一岁后可以慢慢断' }, LEADER),
      cloud.call('content', { action: 'answer', id, answer: '看宝宝体重增长' }, LEADER_2),
    ])
    await writes
    expect(results.filter((r) => r.ok)).toEqual([{ ok: true, data: { id, answeredAt: expect.any(String) } }])
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, error: { code: 'CONFLICT', message: '这个问题已经有人回答了，请刷新后查看' } }])
    const doc = (await cloud.db.collection('questions').doc(id).get()).data
    const winner = results.findIndex((r) => r.ok)
    expect(doc.answeredBy).toBe([LEADER, LEADER_2][winner])
  })

  test('a question or answer with a sensitive word is CONTENT_REJECTED and not stored', async () => {
    const before = await countOf(cloud, 'questions')
    expect(errorOf(await cloud.call('content', { action: 'ask', question: '哪里有违禁词的奶粉卖？' }, MOTHER)).code).toBe('CONTENT_REJECTED')
    expect(await countOf(cloud, 'questions')).toBe(before)
    const { id } = await cloud.ok<{ id: string }>('content', { action: 'ask', question: '吐奶严重怎么办？' }, MOTHER)
    expect(errorOf(await cloud.call('content', { action: 'answer', id, answer: '加微信返现了解一下' }, LEADER)).code).toBe('CONTENT_REJECTED')
    expect(await countOf(cloud, 'questions', { answered: false, _id: id })).toBe(1)
  })

  test('a too-short question is BAD_INPUT and nothing is written', async () => {
    const before = await countOf(cloud, 'questions')
    const err = errorOf(await cloud.call('content', { action: 'ask', question: '?' }, MOTHER))
    expect(err).toEqual({ code: 'BAD_INPUT', message: '问题：问题至少 5 个字' })
    expect(await countOf(cloud, 'questions')).toBe(before)
  })
})
