// content: growth diaries, once-per-mother likes under concurrency, themed contests and ranking.
import type { ContestView, DiaryView, RankedDiary } from '../../domain/content'
import type { Page } from '../../domain/member'
import { countOf, errorOf, LEADER, MOTHER, MOTHER_2, photo, seedCast } from './content-helpers'
import { useCloud } from './support'

const cloud = useCloud(async () => {
  await seedCast(cloud)
})

const postDiary = (openid: string, data: Record<string, unknown>) => cloud.ok<{ id: string }>('content', { action: 'postDiary', ...data }, openid)
const likeCount = async (id: string) => (await cloud.db.collection('diaries').doc(id).get()).data.likeCount as number

describe('diaries and likes', () => {
  let first = ''
  let second = ''

  beforeAll(async () => {
    first = (await postDiary(MOTHER, { text: '今天第一次翻身！', photoFileID: photo('roll') })).id
    await cloud.advanceClock(1000)
    second = (await postDiary(MOTHER_2, { text: '长出第一颗小牙', photoFileID: photo('tooth') })).id
  })

  test('the diary feed is newest first, with the author’s name and whether I liked it', async () => {
    const page = await cloud.ok<Page<DiaryView>>('content', { action: 'diaries' }, MOTHER)
    expect(page.total).toBe(2)
    expect(page.items).toEqual([
      expect.objectContaining({ id: second, authorName: '豆豆妈妈', text: '长出第一颗小牙', photoFileID: photo('tooth'), likeCount: 0, likedByMe: false, mine: false }),
      expect.objectContaining({ id: first, authorName: '小雨妈妈', mine: true }),
    ])
    expect(JSON.stringify(page)).not.toContain(MOTHER_2)
  })

  test('a like counts once; liking again changes nothing', async () => {
    expect(await cloud.ok('content', { action: 'like', id: second }, MOTHER)).toEqual({ liked: true, counted: true, likeCount: 1 })
    expect(await cloud.ok('content', { action: 'like', id: second }, MOTHER)).toEqual({ liked: true, counted: false, likeCount: 1 })
    const page = await cloud.ok<Page<DiaryView>>('content', { action: 'diaries' }, MOTHER)
    expect(page.items.find((d) => d.id === second)).toMatchObject({ likeCount: 1, likedByMe: true })
    expect((await cloud.ok<Page<DiaryView>>('content', { action: 'diaries' }, MOTHER_2)).items.find((d) => d.id === second)?.likedByMe).toBe(false)
  })

  test('20 parallel likes by the same mother count once', async () => {
    // the first four (one per worker) all read the diary before any of them writes
    const reads = cloud.barrier({ collection: 'diaries', action: 'get', count: 4 })
    const results = await Promise.all(Array.from({ length: 20 }, () => cloud.call<{ counted: boolean; likeCount: number }>('content', { action: 'like', id: first }, MOTHER_2)))
    await reads
    const counted = { ok: true, data: { liked: true, counted: true, likeCount: 1 } }
    const repeat = { ok: true, data: { liked: true, counted: false, likeCount: 1 } }
    expect(results.filter((r) => r.ok && r.data.counted)).toEqual([counted])
    expect(results.filter((r) => !(r.ok && r.data.counted))).toEqual(Array(19).fill(repeat))
    expect(await likeCount(first)).toBe(1)
    expect(await countOf(cloud, 'likes', { diaryId: first })).toBe(1)
  })

  test('30 mothers liking in parallel are all counted', async () => {
    const mothers = Array.from({ length: 30 }, (_, i) => `o-liker-${String(i).padStart(2, '0')}`)
    await Promise.all(mothers.map((openid) => cloud.seedMember({ openid })))
    const { id } = await postDiary(MOTHER, { text: '满月照', photoFileID: photo('month') })
    // four at a time (one per worker) read the diary together before any of them counts
    const reads = cloud.barrier({ collection: 'diaries', action: 'get', count: 4 })
    const results = await Promise.all(mothers.map((openid) => cloud.call<{ counted: boolean; likeCount: number }>('content', { action: 'like', id }, openid)))
    await reads
    for (const r of results) expect(r).toMatchObject({ ok: true, data: { liked: true, counted: true } })
    expect(await likeCount(id)).toBe(30)
    expect(await countOf(cloud, 'likes', { diaryId: id })).toBe(30)
  })

  test('liking a diary that does not exist is NOT_FOUND and leaves no like behind', async () => {
    const err = errorOf(await cloud.call('content', { action: 'like', id: 'no-such-diary' }, MOTHER))
    expect(err.code).toBe('NOT_FOUND')
    expect(await countOf(cloud, 'likes', { diaryId: 'no-such-diary' })).toBe(0)
  })

  test('a diary with a sensitive word is CONTENT_REJECTED and not stored', async () => {
    const before = await countOf(cloud, 'diaries')
    const err = errorOf(await cloud.call('content', { action: 'postDiary', text: '宝宝好可爱 fake-banned', photoFileID: photo('x') }, MOTHER))
    expect(err.code).toBe('CONTENT_REJECTED')
    expect(await countOf(cloud, 'diaries')).toBe(before)
  })

  test('a diary without an uploaded photo or without text is BAD_INPUT and not stored', async () => {
    const before = await countOf(cloud, 'diaries')
    expect(errorOf(await cloud.call('content', { action: 'postDiary', text: '你好', photoFileID: '/tmp/local.jpg' }, MOTHER))).toEqual({ code: 'BAD_INPUT', message: '照片：请先上传图片' })
    expect(errorOf(await cloud.call('content', { action: 'postDiary', text: '', photoFileID: photo('y') }, MOTHER)).code).toBe('BAD_INPUT')
    expect(errorOf(await cloud.call('content', { action: 'like' }, MOTHER)).code).toBe('BAD_INPUT')
    expect(await countOf(cloud, 'diaries')).toBe(before)
  })
})

describe('contests', () => {
  let contestId = ''
  const DAY = 86400_000

  test('a leader creates a contest; members see it open', async () => {
    await cloud.setClock('2026-11-20T10:00:00+08:00')
    contestId = (await cloud.ok<{ id: string }>('content', { action: 'createContest', title: '宝宝第一次', theme: '晒出宝宝的第一次翻身、第一颗牙', deadline: '2026-11-27T20:00:00+08:00' }, LEADER)).id
    const { items } = await cloud.ok<{ items: ContestView[] }>('content', { action: 'contests' }, MOTHER)
    expect(items[0]).toEqual({ id: contestId, title: '宝宝第一次', theme: '晒出宝宝的第一次翻身、第一颗牙', deadline: '2026-11-27T12:00:00.000Z', open: true, createdAt: expect.any(String) })
  })

  test('a deadline in the past, beyond 180 days or not ISO is BAD_INPUT and no contest is written', async () => {
    const before = await countOf(cloud, 'contests')
    for (const deadline of ['9999-12-31T00:00:00+08:00', '2027-05-20T10:00:01+08:00']) {
      expect(errorOf(await cloud.call('content', { action: 'createContest', title: '太远', theme: '主题', deadline }, LEADER))).toEqual({ code: 'BAD_INPUT', message: '截止时间最多设在 180 天以内' })
    }
    const past = errorOf(await cloud.call('content', { action: 'createContest', title: '过去', theme: '主题', deadline: '2026-11-01T00:00:00+08:00' }, LEADER))
    expect(past).toEqual({ code: 'BAD_INPUT', message: '截止时间需晚于现在' })
    expect(errorOf(await cloud.call('content', { action: 'createContest', title: '格式', theme: '主题', deadline: '下周五' }, LEADER)).code).toBe('BAD_INPUT')
    expect(errorOf(await cloud.call('content', { action: 'createContest', title: '违禁词大赛', theme: '主题', deadline: '2026-12-30T00:00:00+08:00' }, LEADER)).code).toBe('CONTENT_REJECTED')
    expect(await countOf(cloud, 'contests')).toBe(before)
  })

  test('entries are ranked by likes, ties going to the earlier post', async () => {
    const a = (await postDiary(MOTHER, { text: '第一次翻身', photoFileID: photo('a'), contestId })).id
    await cloud.advanceClock(1000)
    const b = (await postDiary(MOTHER_2, { text: '第一颗牙', photoFileID: photo('b'), contestId })).id
    await cloud.advanceClock(1000)
    const c = (await postDiary(MOTHER, { text: '第一次叫妈妈', photoFileID: photo('c'), contestId })).id
    // c: 2 likes; a and b: 1 like each (a is earlier)
    for (const [id, by] of [[c, 'o-liker-01'], [c, 'o-liker-02'], [b, 'o-liker-03'], [a, 'o-liker-04']]) await cloud.ok('content', { action: 'like', id }, by)
    const ranking = await cloud.ok<{ contest: ContestView; items: RankedDiary[] }>('content', { action: 'ranking', contestId }, LEADER)
    expect(ranking.contest.id).toBe(contestId)
    expect(ranking.items.map((e) => [e.id, e.rank, e.likeCount])).toEqual([[c, 1, 2], [a, 2, 1], [b, 3, 1]])
    // the contest's diaries, and only those, under its filter
    const entries = await cloud.ok<Page<DiaryView>>('content', { action: 'diaries', contestId }, MOTHER)
    expect(entries.items.map((d) => d.id)).toEqual([c, b, a])
  })

  test('a mother’s like on her own entry counts on the diary but not in the ranking', async () => {
    const own = (await postDiary(MOTHER_2, { text: '自己点赞的参赛', photoFileID: photo('self'), contestId })).id
    expect(await cloud.ok('content', { action: 'like', id: own }, MOTHER_2)).toEqual({ liked: true, counted: true, likeCount: 1 })
    const ranking = await cloud.ok<{ items: RankedDiary[] }>('content', { action: 'ranking', contestId }, MOTHER)
    const mine = ranking.items.find((e) => e.id === own)
    expect(mine).toMatchObject({ likeCount: 1, rankedLikes: 0, rank: 4 })
    expect(ranking.items.map((e) => e.rankedLikes)).toEqual([2, 1, 1, 0])
  })

  test('after the deadline an entry is a CONFLICT saying the contest has ended, and nothing is stored', async () => {
    await cloud.advanceClock(8 * DAY)
    const before = await countOf(cloud, 'diaries')
    const err = errorOf(await cloud.call('content', { action: 'postDiary', text: '迟到的参赛', photoFileID: photo('late'), contestId }, MOTHER))
    expect(err.code).toBe('CONFLICT')
    expect(err.message).toContain('活动已截止')
    expect(await countOf(cloud, 'diaries')).toBe(before)
    expect((await cloud.ok<{ items: ContestView[] }>('content', { action: 'contests' }, MOTHER)).items.find((x) => x.id === contestId)?.open).toBe(false)
    // the ranking stays readable after the contest ends
    expect((await cloud.ok<{ items: RankedDiary[] }>('content', { action: 'ranking', contestId }, MOTHER)).items).toHaveLength(4)
  })

  test('an unknown contest is NOT_FOUND for entries and the ranking', async () => {
    const before = await countOf(cloud, 'diaries')
    expect(errorOf(await cloud.call('content', { action: 'postDiary', text: '参赛', photoFileID: photo('z'), contestId: 'no-such-contest' }, MOTHER)).code).toBe('NOT_FOUND')
    expect(errorOf(await cloud.call('content', { action: 'ranking', contestId: 'no-such-contest' }, MOTHER)).code).toBe('NOT_FOUND')
    expect(await countOf(cloud, 'diaries')).toBe(before)
  })
})
