import { PERSONAL_DATA, ANONYMOUS, collectPersonalData, erasePersonalData, type PersonalDataSite } from '../../server/privacy'
import { startHarness, type Harness } from './harness'

let h: Harness
const ME = 'o-p-me'

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
  // more than one page of 100, so export must read past the first
  const mine = Array.from({ length: 130 }, (_, i) => ({ _id: `d-${String(i).padStart(3, '0')}`, openid: ME, text: `日记${i}`, likeCount: 0 }))
  await h.db.collection('diaries').add({ data: [...mine, { _id: 'd-other', openid: 'o-p-other', text: '别人的', likeCount: 0 }] })
  await h.db.collection('posts').add({ data: [{ _id: 'p-1', authorOpenid: ME, title: '保留的', body: 'b' }, { _id: 'p-2', authorOpenid: 'o-p-other', title: '别人的', body: 'b' }] })
})
afterAll(async () => {
  await h.close()
})

test('her data is collected page after page, every document once, in a stable order', async () => {
  const out = await collectPersonalData(h.db, ME)
  expect(out.diaries.map((d) => d._id)).toEqual(Array.from({ length: 130 }, (_, i) => `d-${String(i).padStart(3, '0')}`))
  // one entry per collection of the registry, in the registry's order
  expect(Object.keys(out)).toEqual([...new Set(PERSONAL_DATA.map((site) => site.collection))])
})

test('a feature that has stored nothing yet (no collection) is an empty list, not an error', async () => {
  const sites: PersonalDataSite[] = [{ collection: 'not_created_yet', field: 'openid', onDelete: 'remove' }]
  expect(await collectPersonalData(h.db, ME, sites)).toEqual({ not_created_yet: [] })
  await expect(erasePersonalData(h.db, ME, sites)).resolves.toBeUndefined()
})

test('records kept for accounting lose the link to her; removed ones are gone; others stay', async () => {
  const sites: PersonalDataSite[] = [
    { collection: 'posts', field: 'authorOpenid', onDelete: 'anonymise' },
    { collection: 'diaries', field: 'openid', onDelete: 'remove' },
  ]
  await erasePersonalData(h.db, ME, sites)
  expect((await h.db.collection('posts').doc('p-1').get()).data).toMatchObject({ authorOpenid: ANONYMOUS, title: '保留的' })
  expect((await h.db.collection('posts').doc('p-2').get()).data.authorOpenid).toBe('o-p-other')
  expect(await h.count('diaries', { openid: ME })).toBe(0)
  expect(await h.count('diaries')).toBe(1)
})
