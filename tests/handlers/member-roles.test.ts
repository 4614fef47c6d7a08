// Roles in process: the admin set seeded from the hand-written admin, the last admin surviving a
// race, staff roles only for admitted members, and an admin demoted meanwhile acting no more.
import { main } from '../../cloudfunctions/member/index'
import { startHarness, type Harness } from './harness'

let h: Harness
const BOOT = 'o-r-boot'

const adminSet = async (): Promise<string[] | null> => (await h.db.collection('settings').where({ _id: 'admins' }).get()).data[0]?.openids ?? null
const adminsInMembers = async (): Promise<string[]> => (await h.db.collection('members').where({ roles: 'admin' }).limit(100).get()).data.map((m: { _id: string }) => m._id).sort()

beforeAll(async () => {
  h = await startHarness('2026-11-28T10:00:00+08:00')
})
afterAll(async () => {
  await h.close()
})

test('the set is seeded from the admin written by hand; an admin written later joins when she acts', async () => {
  await h.seedMember({ openid: BOOT, roles: ['admin'] })
  await h.seedMember({ openid: 'o-r-staff' })
  expect(await adminSet()).toBeNull()
  expect(await h.ok(main, { action: 'setRoles', openid: 'o-r-staff', roles: ['leader'] }, BOOT)).toEqual({ roles: ['leader'] })
  expect(await adminSet()).toEqual([BOOT])
  const staff = await h.member('o-r-staff')
  expect(staff?.roles).toEqual(['leader'])
  expect(new Date((staff as unknown as { rolesUpdatedAt: Date }).rolesUpdatedAt).toISOString()).toBe(new Date().toISOString())
  await h.seedMember({ openid: 'o-r-boot-2', roles: ['admin'] })
  await h.ok(main, { action: 'setRoles', openid: 'o-r-staff', roles: [] }, 'o-r-boot-2')
  expect(await adminSet()).toEqual([BOOT, 'o-r-boot-2'])
  // granting admin adds her to the set; taking it away removes her
  await h.ok(main, { action: 'setRoles', openid: 'o-r-staff', roles: ['admin'] }, BOOT)
  expect(await adminSet()).toEqual([BOOT, 'o-r-boot-2', 'o-r-staff'])
  await h.ok(main, { action: 'setRoles', openid: 'o-r-staff', roles: ['cs'] }, BOOT)
  expect(await adminSet()).toEqual([BOOT, 'o-r-boot-2'])
  await h.ok(main, { action: 'setRoles', openid: 'o-r-boot-2', roles: [] }, BOOT)
  expect(await adminsInMembers()).toEqual([BOOT])
})

test.each(['pending', 'rejected'] as const)('a %s applicant cannot be given a staff role; taking roles away is allowed', async (status) => {
  const openid = `o-r-${status}`
  await h.seedMember({ openid, status, roles: [] })
  expect(await h.call(main, { action: 'setRoles', openid, roles: ['cs'] }, BOOT)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '只有审核通过的会员才能分配角色，请先审核她的申请' } })
  expect((await h.member(openid))?.roles).toEqual([])
  expect(await h.ok(main, { action: 'setRoles', openid, roles: [] }, BOOT)).toEqual({ roles: [] })
})

test('an admin cannot drop her own admin role; the roles given are stored once each', async () => {
  expect(await h.call(main, { action: 'setRoles', openid: BOOT, roles: [] }, BOOT)).toEqual({ ok: false, error: { code: 'CONFLICT', message: '不能撤销自己的管理员权限' } })
  expect(await h.ok(main, { action: 'setRoles', openid: BOOT, roles: ['admin', 'leader', 'admin'] }, BOOT)).toEqual({ roles: ['admin', 'leader'] })
  expect(await adminSet()).toEqual([BOOT])
})

test('two admins removing each other at the same moment: exactly one succeeds, an admin always remains', async () => {
  const a = 'o-r-duel-a'
  const b = 'o-r-duel-b'
  await h.seedMember({ openid: a, roles: ['admin'] })
  await h.seedMember({ openid: b, roles: ['admin'] })
  await h.ok(main, { action: 'setRoles', openid: a, roles: ['admin'] }, b)
  await h.ok(main, { action: 'setRoles', openid: BOOT, roles: [] }, a)
  expect(await adminsInMembers()).toEqual([a, b])
  // both pass the router as admins; their seeding reads of the set, then their reads of it inside
  // the transactions, are each answered together: the transactions overlap, neither sees the other
  const seeds = h.barrier({ collection: 'settings', count: 2 })
  const inTransactions = seeds.then(() => h.barrier({ collection: 'settings', count: 2 }))
  const [byA, byB] = await Promise.all([
    h.call(main, { action: 'setRoles', openid: b, roles: [] }, a),
    h.call(main, { action: 'setRoles', openid: a, roles: [] }, b),
  ])
  await inTransactions
  expect([byA, byB].filter((r) => r.ok)).toEqual([{ ok: true, data: { roles: [] } }])
  expect([byA, byB].find((r) => !r.ok)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你已不是管理员，不能再分配角色' } })
  const survivor = byA.ok ? a : b
  expect(await adminsInMembers()).toEqual([survivor])
  expect(await adminSet()).toEqual([survivor])
})
