import {
  assertContestOpen,
  canSeePost,
  canSeeQuestion,
  isContestOpen,
  likeId,
  likeIncrements,
  pickWinners,
  rankEntries,
  toContestView,
  toDiaryView,
  toQuestionView,
  visibleTagsFor,
} from '../../domain/content'
import { contestWinnerMessage } from '../../domain/notifications'
import { contentSchemas } from '../../domain/schemas/content'
import { describeIssues } from '../../domain/schemas/format'

const mother = { roles: [] as [], tags: ['敏感肌宝宝妈妈', '0–6 月'] }
const leader = { roles: ['leader'] as ['leader'], tags: [] }

describe('post visibility by tags', () => {
  test('an untargeted post is for every member', () => {
    expect(canSeePost({ targetTags: [] }, mother)).toBe(true)
    expect(canSeePost({ targetTags: [] }, { roles: [], tags: [] })).toBe(true)
  })
  test('a targeted post needs at least one matching tag', () => {
    expect(canSeePost({ targetTags: ['敏感肌宝宝妈妈', '早产'] }, mother)).toBe(true)
    expect(canSeePost({ targetTags: ['1–3 岁'] }, mother)).toBe(false)
    expect(canSeePost({ targetTags: ['1–3 岁'] }, { roles: [], tags: [] })).toBe(false)
  })
  test('staff see every post, whatever its target', () => {
    expect(canSeePost({ targetTags: ['1–3 岁'] }, leader)).toBe(true)
    expect(canSeePost({ targetTags: ['1–3 岁'] }, { roles: ['cs'], tags: [] })).toBe(true)
    expect(visibleTagsFor(leader)).toBeNull()
  })
  test('a member’s visible tags are her own tags, once each', () => {
    expect(visibleTagsFor({ roles: [], tags: ['a', 'b', 'a'] })).toEqual(['a', 'b'])
  })
})

test('a member sees answered questions and her own open ones, not other mothers’ open ones', () => {
  expect(canSeeQuestion({ answered: true, askedBy: 'o-other' }, 'o-me')).toBe(true)
  expect(canSeeQuestion({ answered: false, askedBy: 'o-me' }, 'o-me')).toBe(true)
  expect(canSeeQuestion({ answered: false, askedBy: 'o-other' }, 'o-me')).toBe(false)
})

describe('contest open/closed', () => {
  const contest = { deadline: new Date('2026-12-01T12:00:00Z') }
  test('open strictly before the deadline, closed at and after it', () => {
    expect(isContestOpen(contest, new Date('2026-12-01T11:59:59.999Z'))).toBe(true)
    expect(isContestOpen(contest, new Date('2026-12-01T12:00:00Z'))).toBe(false)
    expect(isContestOpen(contest, new Date('2026-12-02T00:00:00Z'))).toBe(false)
  })
  test('entering a closed contest is a CONFLICT saying it has ended', () => {
    expect(() => assertContestOpen(contest, new Date('2026-12-01T12:00:00Z'))).toThrow(expect.objectContaining({ code: 'CONFLICT', message: expect.stringContaining('活动已截止') }))
    expect(() => assertContestOpen(contest, new Date('2026-11-30T00:00:00Z'))).not.toThrow()
  })
})

describe('contest ranking', () => {
  const at = (s: string) => new Date(`2026-11-0${s}T00:00:00Z`)
  test('most likes from others first; a tie goes to the earlier post', () => {
    const ranked = rankEntries([
      { _id: 'late-5', rankedLikes: 5, createdAt: at('3') },
      { _id: 'top', rankedLikes: 9, createdAt: at('4') },
      { _id: 'early-5', rankedLikes: 5, createdAt: at('1') },
      { _id: 'none', rankedLikes: 0, createdAt: at('1') },
      // her own likes are in likeCount only: they do not lift her
      { _id: 'self-liked', rankedLikes: 0, likeCount: 50, createdAt: at('2') },
    ])
    expect(ranked.map((e) => [e._id, e.rank])).toEqual([['top', 1], ['early-5', 2], ['late-5', 3], ['none', 4], ['self-liked', 5]])
  })
  test('ranking does not reorder its input and handles no entries', () => {
    const input = [{ _id: 'a', rankedLikes: 1, createdAt: at('2') }, { _id: 'b', rankedLikes: 2, createdAt: at('1') }]
    rankEntries(input)
    expect(input.map((e) => e._id)).toEqual(['a', 'b'])
    expect(rankEntries([])).toEqual([])
  })
})

test('a like counts for the diary; it ranks only when it is not the author’s own', () => {
  expect(likeIncrements({ openid: 'o-author' }, 'o-friend')).toEqual({ likeCount: 1, rankedLikes: 1 })
  expect(likeIncrements({ openid: 'o-author' }, 'o-author')).toEqual({ likeCount: 1, rankedLikes: 0 })
})

test('a like id names the diary and the mother, so a second like collides', () => {
  expect(likeId('d1', 'o1')).toBe('d1_o1')
  expect(likeId('d1', 'o1')).toBe(likeId('d1', 'o1'))
  expect(likeId('d1', 'o1')).not.toBe(likeId('d1', 'o2'))
})

test('views carry ISO times and never the asker’s or author’s openid', () => {
  const q = toQuestionView({ _id: 'q1', question: '宝宝湿疹怎么办？', askedBy: 'o-asker', askedAt: new Date('2026-11-01T01:00:00Z'), answered: false }, 'o-reader')
  expect(q).toEqual({ id: 'q1', question: '宝宝湿疹怎么办？', askedAt: '2026-11-01T01:00:00.000Z', answered: false, mine: false })
  const d = toDiaryView({ _id: 'd1', openid: 'o-author', authorName: '小雨妈妈', text: '第一次翻身', photoFileID: 'cloud://e.b/p.jpg', likeCount: 3, rankedLikes: 2, createdAt: new Date('2026-11-01T00:00:00Z') }, 'o-author', true)
  expect(d).toEqual({ id: 'd1', authorName: '小雨妈妈', text: '第一次翻身', photoFileID: 'cloud://e.b/p.jpg', likeCount: 3, likedByMe: true, mine: true, createdAt: '2026-11-01T00:00:00.000Z' })
  expect(JSON.stringify([q, d])).not.toContain('o-a')
})

describe('content schemas', () => {
  test('a diary needs an uploaded photo and a line', () => {
    const r = contentSchemas.postDiary.safeParse({ text: '  ', photoFileID: 'http://x/y.jpg' })
    expect(r.success).toBe(false)
    if (!r.success) expect(describeIssues(r.error.issues)).toMatch(/^文字：说点什么吧；照片：请先上传图片$/)
  })
  test('paging defaults and limits', () => {
    expect(contentSchemas.feed.parse({})).toEqual({ page: 1, pageSize: 20 })
    expect(contentSchemas.feed.safeParse({ pageSize: 51 }).success).toBe(false)
  })
  test('a post kind is tip or expert; unknown fields are refused', () => {
    expect(contentSchemas.publishPost.safeParse({ title: 't', body: 'b', kind: 'ad' }).success).toBe(false)
    expect(contentSchemas.publishPost.safeParse({ title: 't', body: 'b', kind: 'tip', authorOpenid: 'x' }).success).toBe(false)
    expect(contentSchemas.publishPost.parse({ title: ' 辅食 ', body: '正文', kind: 'expert', targetTags: ['辅食添加期'] })).toEqual({ title: '辅食', body: '正文', kind: 'expert', targetTags: ['辅食添加期'] })
  })
  test('a contest deadline is an ISO time with an offset', () => {
    expect(contentSchemas.createContest.safeParse({ title: '晒娃', theme: '第一次', deadline: '2026-12-01' }).success).toBe(false)
    expect(contentSchemas.createContest.safeParse({ title: '晒娃', theme: '第一次', deadline: '2026-12-01T20:00:00+08:00' }).success).toBe(true)
  })
})

describe('closing a contest', () => {
  const entry = (id: string, openid: string, rankedLikes: number, minute: number) => ({
    _id: id, openid, rankedLikes, createdAt: new Date(Date.UTC(2026, 10, 20, 2, minute)), authorName: `妈妈${id}`, text: `日记${id}`, photoFileID: `cloud://e.b/${id}.jpg`,
  })

  test('the top three by likes from others win, ties to the earlier entry, one place per mother', () => {
    const winners = pickWinners([entry('a', 'm1', 2, 1), entry('b', 'm2', 5, 2), entry('c', 'm1', 5, 3), entry('d', 'm3', 2, 0), entry('e', 'm4', 1, 0)])
    expect(winners.map((w) => [w.rank, w.diaryId, w.rankedLikes])).toEqual([[1, 'b', 5], [2, 'c', 5], [3, 'd', 2]])
    expect(JSON.stringify(winners)).not.toContain('m1')
  })

  test('an entry nobody else liked never wins; fewer than three is fine', () => {
    expect(pickWinners([entry('a', 'm1', 0, 0), entry('b', 'm2', 1, 1)]).map((w) => w.diaryId)).toEqual(['b'])
    expect(pickWinners([])).toEqual([])
  })

  test('a closed contest is not open before its deadline, and its view carries the winners', () => {
    const now = new Date('2026-11-20T00:00:00Z')
    const contest = { _id: 'c', title: 't', theme: 'x', deadline: new Date('2026-12-01T00:00:00Z'), createdBy: 'o', createdAt: now }
    expect(isContestOpen(contest, now)).toBe(true)
    const closed = { ...contest, closedAt: now, winners: pickWinners([entry('a', 'm1', 1, 0)]) }
    expect(isContestOpen(closed, now)).toBe(false)
    expect(() => assertContestOpen(closed, now)).toThrow('活动已截止')
    expect(toContestView(closed, now)).toMatchObject({ open: false, closedAt: '2026-11-20T00:00:00.000Z', winners: [{ rank: 1, diaryId: 'a' }] })
    expect(toContestView(contest, now)).not.toHaveProperty('winners')
  })

  test('the winner notice fits the template: title clipped to 20, place, China day', () => {
    const msg = contestWinnerMessage('宝宝第一次翻身第一颗牙第一次叫妈妈大赛第二季', 2, '2026-11-20T17:00:00.000Z')
    expect(Array.from(msg.thing1.value)).toHaveLength(20)
    expect(msg.phrase2.value).toBe('第2名')
    expect(Array.from(msg.thing3.value).length).toBeLessThanOrEqual(20)
    expect(msg.date4.value).toBe('2026-11-21')
  })
})

describe('correction schemas', () => {
  test('an edit of a post must change something; null takes the cover away', () => {
    expect(contentSchemas.editPost.safeParse({ id: 'p' }).success).toBe(false)
    expect(contentSchemas.editPost.parse({ id: 'p', coverFileID: null })).toEqual({ id: 'p', coverFileID: null })
    expect(contentSchemas.editPost.safeParse({ id: 'p', title: '' }).success).toBe(false)
    expect(contentSchemas.editPost.safeParse({ id: 'p', title: 'x', authorOpenid: 'o' }).success).toBe(false)
  })
  test('edited diaries and questions follow the same rules as new ones', () => {
    expect(contentSchemas.editDiary.safeParse({ id: 'd', text: 'x'.repeat(201) }).success).toBe(false)
    expect(contentSchemas.editQuestion.safeParse({ id: 'q', question: '短' }).success).toBe(false)
    expect(contentSchemas.editQuestion.parse({ id: 'q', question: '  宝宝湿疹怎么办？ ' }).question).toBe('宝宝湿疹怎么办？')
  })
})
