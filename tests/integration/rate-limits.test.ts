// Member writes are rate-limited per member in the database: a parallel burst over the limit gets
// RATE_LIMITED for exactly the excess, other members are unaffected, and the next window admits again.
import { RATE_LIMITS } from '../../domain/rate-limits'
import { countOf, MOTHER, MOTHER_2, photo, seedCast } from './content-helpers'
import { useCloud } from './support'

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-20T10:00:00+08:00')
  await seedCast(cloud)
})

test('a burst of questions over the hourly limit: exactly the excess is RATE_LIMITED, nothing of it stored', async () => {
  const { max, windowMs } = RATE_LIMITS['content.ask']
  const EXCESS = 7
  const answers = await Promise.all(Array.from({ length: max + EXCESS }, (_, i) => cloud.call('content', { action: 'ask', question: `第 ${i} 个问题：宝宝怎么了？` }, MOTHER)))
  const refused = answers.filter((a) => !a.ok)
  expect(answers.filter((a) => a.ok)).toHaveLength(max)
  expect(refused).toEqual(Array(EXCESS).fill({ ok: false, error: { code: 'RATE_LIMITED', message: `提问太频繁了，每小时最多 ${max} 次，请稍后再试` } }))
  expect(await countOf(cloud, 'questions', { askedBy: MOTHER })).toBe(max)

  // another mother is not held back by her
  expect(await cloud.call('content', { action: 'ask', question: '另一个妈妈的问题？' }, MOTHER_2)).toMatchObject({ ok: true })

  await cloud.advanceClock(windowMs)
  expect(await cloud.call('content', { action: 'ask', question: '新的一小时，新的问题？' }, MOTHER)).toMatchObject({ ok: true })
  expect(await countOf(cloud, 'questions', { askedBy: MOTHER })).toBe(max + 1)
})

test('diaries and likes are limited the same way', async () => {
  const diaries = RATE_LIMITS['content.postDiary']
  const posted = await Promise.all(Array.from({ length: diaries.max + 2 }, (_, i) => cloud.call('content', { action: 'postDiary', text: `日记 ${i}`, photoFileID: photo(`rl${i}`) }, MOTHER_2)))
  expect(posted.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED'])

  const likes = RATE_LIMITS['content.like']
  const ids = posted.flatMap((a) => (a.ok ? [(a.data as { id: string }).id] : []))
  // a like counts toward the limit whether or not it is new: repeat likes over the posted diaries
  const liked = await Promise.all(Array.from({ length: likes.max + 3 }, (_, i) => cloud.call('content', { action: 'like', id: ids[i % ids.length] }, MOTHER)))
  expect(liked.filter((a) => !a.ok).map((a) => !a.ok && a.error.code)).toEqual(['RATE_LIMITED', 'RATE_LIMITED', 'RATE_LIMITED'])
  expect(await countOf(cloud, 'likes', { openid: MOTHER })).toBe(ids.length)
})
