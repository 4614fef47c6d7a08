// Every create takes the client's requestId: the same id from the same caller answers the same
// record (a retry after a lost answer stores nothing new); another caller's same id is her own.
import { countOf, LEADER, LEADER_2, MOTHER, MOTHER_2, photo, seedCast } from './content-helpers'
import { useCloud } from './support'

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-20T10:00:00+08:00')
  await seedCast(cloud)
})

const CREATES: { action: string; collection: string; by: [string, string]; input: Record<string, unknown> }[] = [
  { action: 'publishPost', collection: 'posts', by: [LEADER, LEADER_2], input: { title: '补钙', body: '奶里的钙就够了', kind: 'tip' } },
  { action: 'ask', collection: 'questions', by: [MOTHER, MOTHER_2], input: { question: '几个月可以吃蛋黄？' } },
  { action: 'postDiary', collection: 'diaries', by: [MOTHER, MOTHER_2], input: { text: '第一次翻身', photoFileID: photo('rid') } },
  { action: 'createContest', collection: 'contests', by: [LEADER, LEADER_2], input: { title: '第一次', theme: '晒第一次', deadline: '2026-12-20T00:00:00+08:00' } },
]

test.each(CREATES)('$action: a retry with the same requestId answers the first record and stores nothing new', async ({ action, collection, by: [first, second], input }) => {
  const requestId = `rid-${action}-0001`
  const before = await countOf(cloud, collection)
  const { id } = await cloud.ok<{ id: string }>('content', { action, ...input, requestId }, first)
  // the answer was lost; the app sends the same submit again, twice at once for good measure
  const retries = await Promise.all([1, 2].map(() => cloud.call<{ id: string }>('content', { action, ...input, requestId }, first)))
  expect(retries).toEqual([{ ok: true, data: { id } }, { ok: true, data: { id } }])
  expect(await countOf(cloud, collection)).toBe(before + 1)
  // the same id from someone else is her own create
  const other = await cloud.ok<{ id: string }>('content', { action, ...input, requestId }, second)
  expect(other.id).not.toBe(id)
  // a new submit (new id) is a new record; no id at all is still accepted
  const fresh = await cloud.ok<{ id: string }>('content', { action, ...input, requestId: `rid-${action}-0002` }, first)
  const bare = await cloud.ok<{ id: string }>('content', { action, ...input }, first)
  expect(new Set([id, other.id, fresh.id, bare.id]).size).toBe(4)
  expect(await countOf(cloud, collection)).toBe(before + 4)
})

test('a malformed requestId is BAD_INPUT and nothing is stored', async () => {
  const before = await countOf(cloud, 'questions')
  for (const requestId of ['short', 'x'.repeat(65), 'has space 1234', 'a/b/c/d/e/f', 42]) {
    expect(await cloud.call('content', { action: 'ask', question: '宝宝夜里总醒怎么办？', requestId }, MOTHER)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT', message: expect.stringContaining('请求编号') } })
  }
  expect(await countOf(cloud, 'questions')).toBe(before)
})
