// member.tagsInUse: every tag a leader can filter by or aim a post at, counted on the tags index.
import type { TagInUse } from '../../domain/member'
import { errorOf } from './content-helpers'
import { useCloud } from './support'

const LEADER = 'o-tiu-leader'
const MOTHER = 'o-tiu-mother'
/** enough members that reading them would show in the examined-documents counter */
const CROWD = 300

async function docsExamined(): Promise<number> {
  const res = await fetch(`${cloud.url}/_localcloud/stats`)
  return ((await res.json()) as { docsExamined: number }).docsExamined
}

const byTag = (items: TagInUse[]) => Object.fromEntries(items.map((i) => [i.tag, i]))

const cloud = useCloud(async () => {
  await cloud.setClock('2026-11-28T10:00:00+08:00')
  await cloud.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await cloud.seedMember({ openid: MOTHER, nickname: '小雨妈妈', tags: ['0-6月'], autoTags: ['0-6月'] })
  const docs = Array.from({ length: CROWD }, (_, i) => ({
    _id: `o-tiu-${i}`, status: 'member', roles: [], nickname: `妈妈${i}`, appliedAt: new Date(), babyBirthDate: i % 3 === 0 ? '2025-06-01' : '2026-08-01',
    tags: i % 3 === 0 ? ['1-3岁'] : ['0-6月'], autoTags: i % 3 === 0 ? ['1-3岁'] : ['0-6月'], manualTags: [],
  }))
  for (let i = 0; i < docs.length; i += 100) await Promise.all(docs.slice(i, i + 100).map(({ _id, ...data }) => cloud.db.collection('members').doc(_id).set({ data })))
})

test('rule tags with counts and their labels, then manual tags leaders gave, without reading members', async () => {
  await cloud.ok('member', { action: 'tag', openid: 'o-tiu-1', add: ['体验官候选'] }, LEADER)
  await cloud.ok('member', { action: 'tag', openid: 'o-tiu-2', add: ['体验官候选', '爱分享'] }, LEADER)
  await cloud.seedMember({ openid: 'o-tiu-applicant', status: 'pending', nickname: '新妈妈', tags: [] })
  await cloud.ok('member', { action: 'review', openid: 'o-tiu-applicant', decision: 'approve', tags: ['种子用户'] }, LEADER)

  const before = await docsExamined()
  const { items } = await cloud.ok<{ items: TagInUse[] }>('member', { action: 'tagsInUse' }, LEADER)
  const examined = (await docsExamined()) - before
  // the caller's own record and the tag-name registry: nothing that grows with the members
  expect(examined).toBeLessThan(10)

  const tags = byTag(items)
  expect(tags['0-6月']).toEqual({ tag: '0-6月', label: '0–6 月', count: 201, kind: 'rule' })
  expect(tags['1-3岁']).toEqual({ tag: '1-3岁', label: '1–3 岁', count: 100, kind: 'rule' })
  expect(tags['孕期']).toEqual({ tag: '孕期', label: '孕期', count: 0, kind: 'rule' })
  expect(items.filter((i) => i.kind === 'manual')).toEqual([
    { tag: '体验官候选', label: '体验官候选', count: 2, kind: 'manual' },
    { tag: '爱分享', label: '爱分享', count: 1, kind: 'manual' },
    { tag: '种子用户', label: '种子用户', count: 1, kind: 'manual' },
  ])
})

test('a manual tag nobody carries any more drops out', async () => {
  await cloud.ok('member', { action: 'tag', openid: 'o-tiu-2', remove: ['爱分享'] }, LEADER)
  const { items } = await cloud.ok<{ items: TagInUse[] }>('member', { action: 'tagsInUse' }, LEADER)
  expect(byTag(items)['爱分享']).toBeUndefined()
  expect(byTag(items)['体验官候选'].count).toBe(2)
})

test('a tag given before the name registry knew it is found by the daily job', async () => {
  await cloud.seedMember({ openid: 'o-tiu-old', nickname: '老会员', tags: ['老朋友'], autoTags: [], manualTags: ['老朋友'] })
  const missing = await cloud.ok<{ items: TagInUse[] }>('member', { action: 'tagsInUse' }, LEADER)
  expect(byTag(missing.items)['老朋友']).toBeUndefined()
  await cloud.setClock('2026-11-29T03:00:05+08:00')
  const { items } = await cloud.ok<{ items: TagInUse[] }>('member', { action: 'tagsInUse' }, LEADER)
  expect(byTag(items)['老朋友']).toEqual({ tag: '老朋友', label: '老朋友', count: 1, kind: 'manual' })
})

test('only leaders ask; a mother is refused and input is checked', async () => {
  expect(errorOf(await cloud.call('member', { action: 'tagsInUse' }, MOTHER)).code).toBe('FORBIDDEN')
  expect(errorOf(await cloud.call('member', { action: 'tagsInUse' }, 'o-tiu-visitor')).code).toBe('NOT_MEMBER')
  expect(errorOf(await cloud.call('member', { action: 'tagsInUse', tag: 'x' }, LEADER)).code).toBe('BAD_INPUT')
})
