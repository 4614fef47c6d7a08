// Roles: the last admin survives any race, staff roles go only to admitted members, and the admin
// set stays consistent with the bootstrap admin an operator writes by hand.
import { useCloud } from './support'

const cloud = useCloud()

const adminSet = async (): Promise<string[] | null> => {
  const res = await cloud.db.collection('settings').where({ _id: 'admins' }).get()
  return res.data[0]?.openids ?? null
}
const adminsInMembers = async (): Promise<string[]> => {
  const res = await cloud.db.collection('members').where({ roles: 'admin' }).limit(100).get()
  return res.data.map((m: { _id: string }) => m._id).sort()
}

test('the set is seeded from the admin an operator wrote by hand, on the first role change', async () => {
  await cloud.seedMember({ openid: 'o-boot-admin', roles: ['admin'] })
  await cloud.seedMember({ openid: 'o-boot-staff' })
  expect(await adminSet()).toBeNull()
  expect(await cloud.ok('member', { action: 'setRoles', openid: 'o-boot-staff', roles: ['leader'] }, 'o-boot-admin')).toEqual({ roles: ['leader'] })
  expect(await adminSet()).toEqual(['o-boot-admin'])
  // an admin written by hand later joins the set as soon as she acts
  await cloud.seedMember({ openid: 'o-boot-admin-2', roles: ['admin'] })
  await cloud.ok('member', { action: 'setRoles', openid: 'o-boot-staff', roles: [] }, 'o-boot-admin-2')
  expect(await adminSet()).toEqual(['o-boot-admin', 'o-boot-admin-2'])
})

test('two admins removing each other at the same moment: exactly one succeeds, an admin always remains', async () => {
  const ROUNDS = 10
  for (let round = 0; round < ROUNDS; round++) {
    const a = `o-duel-a-${round}`
    const b = `o-duel-b-${round}`
    await cloud.seedMember({ openid: a, roles: ['admin'] })
    await cloud.seedMember({ openid: b, roles: ['admin'] })
    // both join the set, then every other admin steps down: a and b are the last two
    await cloud.ok('member', { action: 'setRoles', openid: a, roles: ['admin'] }, b)
    for (const other of (await adminSet()) ?? []) if (other !== a && other !== b) await cloud.ok('member', { action: 'setRoles', openid: other, roles: [] }, a)
    expect(await adminsInMembers()).toEqual([a, b].sort())

    // both pass the router as admins; their seeding reads of the set, then their reads of it inside
    // the transactions, are each answered together: both transactions overlap, neither sees the other
    const seeds = cloud.barrier({ collection: 'settings', count: 2 })
    const inTransactions = seeds.then(() => cloud.barrier({ collection: 'settings', count: 2 }))
    const [byA, byB] = await Promise.all([
      cloud.call('member', { action: 'setRoles', openid: b, roles: [] }, a),
      cloud.call('member', { action: 'setRoles', openid: a, roles: [] }, b),
    ])
    await inTransactions
    const answers = [byA, byB]
    expect(answers.filter((r) => r.ok)).toEqual([{ ok: true, data: { roles: [] } }])
    // the loser's transaction conflicted on the set and, retried, found her no longer an admin
    expect(answers.find((r) => !r.ok)).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: '你已不是管理员，不能再分配角色' } })
    const survivor = byA.ok ? a : b
    expect(await adminsInMembers()).toEqual([survivor])
    expect(await adminSet()).toEqual([survivor])
  }
})

test.each(['pending', 'rejected'] as const)('a %s applicant cannot be given a staff role; removing roles is allowed', async (status) => {
  const admin = (await adminSet())![0]
  const openid = `o-roles-${status}`
  await cloud.seedMember({ openid, status })
  expect(await cloud.call('member', { action: 'setRoles', openid, roles: ['leader'] }, admin)).toEqual({
    ok: false,
    error: { code: 'CONFLICT', message: '只有审核通过的会员才能分配角色，请先审核她的申请' },
  })
  expect((await cloud.member(openid))?.roles).toEqual([])
  expect(await cloud.ok('member', { action: 'setRoles', openid, roles: [] }, admin)).toEqual({ roles: [] })
})
