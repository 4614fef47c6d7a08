// A change that spans two writes is one transaction or repairs itself when retried: each test kills
// the handler at its second write (in process, same localcloud), then retries through the gateway
// and checks that the data is whole.
import { actions as contentActions } from '../../cloudfunctions/content/index'
import { actions as memberActions } from '../../cloudfunctions/member/index'
import { contentSchemas } from '../../domain/schemas/content'
import { memberSchemas } from '../../domain/schemas/member'
import { actions as traceActions } from '../../cloudfunctions/trace/index'
import { actions as chainActions } from '../../cloudfunctions/chain/index'
import { chainSchemas } from '../../domain/schemas/chain'
import { traceSchemas } from '../../domain/schemas/trace'
import { countOf, photo } from './content-helpers'
import { contextFor, crashOnFirstWrite, SIMULATED_CRASH } from './in-process'
import { useCloud } from './support'

const AUTHOR = 'o-crash-author'
const FAN = 'o-crash-fan'
const ADMIN = 'o-crash-admin'

const cloud = useCloud(async () => {
  await cloud.seedMember({ openid: AUTHOR, nickname: '作者妈妈' })
  await cloud.seedMember({ openid: FAN, nickname: '粉丝妈妈' })
  await cloud.seedMember({ openid: ADMIN, roles: ['admin'], nickname: '管理员' })
})

const diaryOf = async (id: string) => (await cloud.db.collection('diaries').doc(id).get()).data as { likeCount: number; rankedLikes: number }

test('a like whose count crashed repairs itself: the retry counts it once', async () => {
  const { id } = await cloud.ok<{ id: string }>('content', { action: 'postDiary', text: '第一次坐稳', photoFileID: photo('sit') }, AUTHOR)
  const ctx = await contextFor(cloud, FAN, crashOnFirstWrite(cloud.db, 'diaries'))
  await expect(contentActions.like.handler(contentSchemas.like.parse({ id }), ctx)).rejects.toThrow(SIMULATED_CRASH)
  // the like record landed, its count did not: exactly the half-state the retry must finish
  expect(await countOf(cloud, 'likes', { diaryId: id })).toBe(1)
  expect(await diaryOf(id)).toMatchObject({ likeCount: 0, rankedLikes: 0 })

  expect(await cloud.ok('content', { action: 'like', id }, FAN)).toEqual({ liked: true, counted: true, likeCount: 1 })
  expect(await diaryOf(id)).toMatchObject({ likeCount: 1, rankedLikes: 1 })
  expect(await countOf(cloud, 'likes', { diaryId: id })).toBe(1)
})

test('a role change that crashed at the admin set leaves the roles as they were', async () => {
  await cloud.seedMember({ openid: 'o-crash-staff', nickname: '候选团长' })
  // the admin set exists after a first change; the next change must write both or neither
  expect(await cloud.ok('member', { action: 'setRoles', openid: 'o-crash-staff', roles: ['cs'] }, ADMIN)).toEqual({ roles: ['cs'] })
  const ctx = await contextFor(cloud, ADMIN, crashOnFirstWrite(cloud.db, 'settings'))
  await expect(memberActions.setRoles.handler(memberSchemas.setRoles.parse({ openid: 'o-crash-staff', roles: ['admin'] }), ctx)).rejects.toThrow(SIMULATED_CRASH)
  expect((await cloud.member('o-crash-staff'))?.roles).toEqual(['cs'])
  expect((await cloud.db.collection('settings').doc('admins').get()).data.openids).toEqual([ADMIN])

  expect(await cloud.ok('member', { action: 'setRoles', openid: 'o-crash-staff', roles: ['admin'] }, ADMIN)).toEqual({ roles: ['admin'] })
  expect((await cloud.db.collection('settings').doc('admins').get()).data.openids).toEqual([ADMIN, 'o-crash-staff'].sort())
})

test('an account deletion that crashed midway finishes on retry, with every like taken back once', async () => {
  const leaver = 'o-crash-leaver'
  await cloud.seedMember({ openid: leaver, nickname: '要走的妈妈' })
  const ids: string[] = []
  for (const text of ['一', '二']) ids.push((await cloud.ok<{ id: string }>('content', { action: 'postDiary', text, photoFileID: photo(text) }, AUTHOR)).id)
  for (const id of ids) await cloud.ok('content', { action: 'like', id }, leaver)
  await cloud.ok('content', { action: 'like', id: ids[0] }, FAN)

  const ctx = await contextFor(cloud, leaver, crashOnFirstWrite(cloud.db, 'diaries'))
  await expect(memberActions.deleteAccount.handler(memberSchemas.deleteAccount.parse({ confirm: '注销' }), ctx)).rejects.toThrow(SIMULATED_CRASH)
  expect(await cloud.member(leaver)).not.toBeNull()

  expect(await cloud.ok('member', { action: 'deleteAccount', confirm: '注销' }, leaver)).toEqual({ deleted: true })
  expect(await diaryOf(ids[0])).toMatchObject({ likeCount: 1, rankedLikes: 1 })
  expect(await diaryOf(ids[1])).toMatchObject({ likeCount: 0, rankedLikes: 0 })
  expect(await countOf(cloud, 'likes', { openid: leaver })).toBe(0)
  expect(await cloud.member(leaver)).toBeNull()
})

test('a trace import that crashed after storing its codes repairs itself: the retry answers the full report and counts once', async () => {
  await cloud.seedMember({ openid: 'o-crash-leader', roles: ['leader'], nickname: '团长' })
  const input = {
    batchNo: 'CRASH-1', product: '奶粉', producedAt: '2026-10-01', expiresAt: '2028-09-30', customsNo: '123', qualityReportFileID: 'cloud://local-env.bucket/q.pdf',
    codes: Array.from({ length: 2500 }, (_, i) => `CR${String(i).padStart(6, '0')}`).concat(['CR000001']), requestId: 'req-crash-import-1',
  }
  const ctx = await contextFor(cloud, 'o-crash-leader', crashOnFirstWrite(cloud.db, 'traceImports'))
  await expect(traceActions.importCodes.handler(traceSchemas.importCodes.parse(input), ctx)).rejects.toThrow(SIMULATED_CRASH)
  // the codes landed, the chunk record and the batch count did not
  expect(await countOf(cloud, 'traceCodes', { batchId: (await cloud.db.collection('traceBatches').where({ batchNo: 'CRASH-1' }).get()).data[0]._id })).toBe(2500)
  expect((await cloud.db.collection('traceBatches').where({ batchNo: 'CRASH-1' }).get()).data[0].codeCount).toBe(0)

  const report = await cloud.ok<Record<string, unknown>>('trace', { action: 'importCodes', ...input }, 'o-crash-leader')
  expect(report).toMatchObject({ received: 2501, imported: 2500, batchCodeCount: 2500, duplicates: { inRequest: { count: 1 }, alreadyInBatch: { count: 0 } } })
  expect(await cloud.ok('trace', { action: 'importCodes', ...input }, 'o-crash-leader')).toEqual(report)
  expect((await cloud.db.collection('traceBatches').where({ batchNo: 'CRASH-1' }).get()).data[0].codeCount).toBe(2500)
})

test('a join that died after selling, before its entry, repairs itself: the resend sells nothing more and writes the entry', async () => {
  await cloud.seedMember({ openid: 'o-crash-chain-leader', roles: ['leader'], nickname: '团长' })
  const { id } = await cloud.ok<{ id: string }>('chain', {
    action: 'create', title: '崩溃重试', product: '奶粉', priceFen: 100, quota: 5, perPersonLimit: 3, deadline: new Date(Date.now() + 86_400_000).toISOString(), requestId: 'req-crash-chain-1',
  }, 'o-crash-chain-leader')
  const input = { chainId: id, qty: 2, requestId: 'req-crash-join-1' }
  const ctx = await contextFor(cloud, FAN, crashOnFirstWrite(cloud.db, 'chainEntries'))
  await expect(chainActions.join.handler(chainSchemas.join.parse(input), ctx)).rejects.toThrow(SIMULATED_CRASH)
  // sold to her on the chain, no entry yet: the half-state the resend must finish
  expect((await cloud.db.collection('chains').doc(id).get()).data).toMatchObject({ sold: 2, remaining: 3 })
  expect(await countOf(cloud, 'chainEntries', { chainId: id })).toBe(0)

  const answer = await cloud.ok<{ entryId: string; seq: number; qty: number }>('chain', { action: 'join', ...input }, FAN)
  expect(answer).toMatchObject({ seq: 1, qty: 2 })
  expect(await cloud.ok('chain', { action: 'join', ...input }, FAN)).toEqual(answer)
  expect((await cloud.db.collection('chains').doc(id).get()).data).toMatchObject({ sold: 2, remaining: 3 })
  expect(await countOf(cloud, 'chainEntries', { chainId: id })).toBe(1)
})
