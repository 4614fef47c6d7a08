// Edges of the content rules that records stored by older versions (or by hand) reach: missing
// counters and lists, equal times, a closed contest without winners.
import { compareEntries, displayName, pickWinners, rankEntries, toContestView, toDiaryView, toPostView, toQuestionView, type PostRecord } from '../../domain/content'

const at = new Date('2026-11-01T00:00:00Z')

describe('ranking order', () => {
  test('equal likes and equal times: the smaller id first, so every reader sees one order', () => {
    const a = { _id: 'a', rankedLikes: 1, createdAt: at }
    const b = { _id: 'b', rankedLikes: 1, createdAt: at }
    expect(compareEntries(a, b)).toBe(-1)
    expect(compareEntries(b, a)).toBe(1)
    expect(compareEntries(a, { ...a })).toBe(0)
    expect(rankEntries([b, a]).map((e) => e._id)).toEqual(['a', 'b'])
  })

  test('a missing counter counts as none', () => {
    const old = { _id: 'old', createdAt: at } as unknown as { _id: string; rankedLikes: number; createdAt: Date }
    const liked = { _id: 'liked', rankedLikes: 1, createdAt: new Date('2026-11-02T00:00:00Z') }
    expect(rankEntries([old, liked]).map((e) => e._id)).toEqual(['liked', 'old'])
    expect(compareEntries(old, liked)).toBeGreaterThan(0)
  })

  test('the earlier of two entries with equal likes is ahead by the exact time difference sign', () => {
    const early = { _id: 'z', rankedLikes: 2, createdAt: at }
    const late = { _id: 'a', rankedLikes: 2, createdAt: new Date(at.getTime() + 1) }
    expect(compareEntries(early, late)).toBe(-1)
    expect(compareEntries(late, early)).toBe(1)
  })
})

describe('pickWinners', () => {
  const entry = (id: string, openid: string, rankedLikes: number | undefined, minutes: number) => ({
    _id: id, openid, authorName: `n-${openid}`, text: `t-${id}`, photoFileID: `cloud://e/${id}.jpg`, rankedLikes: rankedLikes as number, createdAt: new Date(at.getTime() + minutes * 60_000),
  })

  test('as many places as asked; an entry without a counter never wins', () => {
    const entries = [entry('d1', 'o1', 5, 0), entry('d2', 'o2', 4, 1), entry('d3', 'o3', 3, 2), entry('d4', 'o4', undefined, 3)]
    expect(pickWinners(entries, 2).map((w) => [w.rank, w.diaryId])).toEqual([[1, 'd1'], [2, 'd2']])
    expect(pickWinners(entries).map((w) => w.diaryId)).toEqual(['d1', 'd2', 'd3'])
    expect(pickWinners([entry('d4', 'o4', undefined, 3)])).toEqual([])
    expect(pickWinners([entry('d5', 'o5', 1, 0)])).toEqual([{ rank: 1, diaryId: 'd5', authorName: 'n-o5', text: 't-d5', photoFileID: 'cloud://e/d5.jpg', rankedLikes: 1 }])
  })
})

describe('views of sparse records', () => {
  test('a post without tags lists none; a cover only when there is one', () => {
    const post = { _id: 'p1', title: 't', body: 'b', kind: 'tip', authorOpenid: 'o-x', authorName: '团长', publishedAt: at } as unknown as PostRecord
    expect(toPostView(post)).toEqual({ id: 'p1', title: 't', body: 'b', kind: 'tip', targetTags: [], authorName: '团长', publishedAt: '2026-11-01T00:00:00.000Z' })
    expect(toPostView({ ...post, targetTags: ['早产宝宝'], coverFileID: 'cloud://c' })).toMatchObject({ targetTags: ['早产宝宝'], coverFileID: 'cloud://c' })
  })

  test('an answered question without an answer time leaves the time out; an open one has no answer fields', () => {
    const answered = toQuestionView({ _id: 'q', question: 'q?', askedBy: 'o-me', askedAt: at, answered: true, answer: 'a', answeredByName: '专家' }, 'o-me')
    expect(answered).toEqual({ id: 'q', question: 'q?', askedAt: '2026-11-01T00:00:00.000Z', answered: true, answer: 'a', answeredByName: '专家', mine: true })
    const open = toQuestionView({ _id: 'q', question: 'q?', askedBy: 'o-me', askedAt: at, answered: false, answer: 'draft' }, 'o-other')
    expect(open).toEqual({ id: 'q', question: 'q?', askedAt: '2026-11-01T00:00:00.000Z', answered: false, mine: false })
  })

  test('a diary without a counter shows no likes; its contest only when it has one', () => {
    const d = { _id: 'd', openid: 'o-a', authorName: 'n', text: 't', photoFileID: 'cloud://p', createdAt: at } as unknown as Parameters<typeof toDiaryView>[0]
    expect(toDiaryView(d, 'o-b', false)).toEqual({ id: 'd', authorName: 'n', text: 't', photoFileID: 'cloud://p', likeCount: 0, likedByMe: false, mine: false, createdAt: '2026-11-01T00:00:00.000Z' })
    expect(toDiaryView({ ...d, contestId: 'c1' }, 'o-b', false)).toMatchObject({ contestId: 'c1' })
  })

  test('a contest closed without stored winners shows an empty list; an open one shows none', () => {
    const c = { _id: 'c', title: 't', theme: 'th', deadline: new Date('2026-12-01T00:00:00Z'), createdBy: 'o-l', createdAt: at }
    const closed = toContestView({ ...c, closedAt: new Date('2026-11-10T00:00:00Z') }, at)
    expect(closed).toEqual({ id: 'c', title: 't', theme: 'th', deadline: '2026-12-01T00:00:00.000Z', open: false, createdAt: '2026-11-01T00:00:00.000Z', closedAt: '2026-11-10T00:00:00.000Z', winners: [] })
    const open = toContestView(c, at)
    expect(open).toEqual({ id: 'c', title: 't', theme: 'th', deadline: '2026-12-01T00:00:00.000Z', open: true, createdAt: '2026-11-01T00:00:00.000Z' })
  })

  test('a display name is the trimmed nickname, or the fallback', () => {
    expect(displayName({ nickname: ' 小雨 ' })).toBe('小雨')
    expect(displayName({ nickname: '   ' })).toBe('亲亲宝贝妈妈')
    expect(displayName(null, '团长')).toBe('团长')
    expect(displayName(undefined)).toBe('亲亲宝贝妈妈')
  })
})
