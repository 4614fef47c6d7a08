// The database answers some outcomes as errors (a duplicate `_id`, a missing document or
// collection). The collection modules read those as answers; every other error must go on up.
import type { Database } from '../../server/cloud'
import { insertIfAbsent, insertOnce } from '../../server/collections/documents'
import { findMember } from '../../server/collections/members'
import { readInTransaction } from '../../server/collections/tx'
import { collectPersonalData, erasePersonalData, type PersonalDataSite } from '../../server/privacy'
import type { Transaction } from '../../server/transaction'

const sdkError = (errMsg: string) => Object.assign(new Error(errMsg), { errMsg })
const DUPLICATE = sdkError('collection.add:fail -502001 database request fail. E11000 duplicate key error')
const MISSING_DOC = sdkError('document.get:fail document with _id x does not exist')
const MISSING_COLLECTION = sdkError('collection.get:fail -502005 database collection not exists')
const DOWN = sdkError('database request fail -501001 resource system error')

// A stand-in for the SDK's chainable collection API whose every terminal call fails with `error`.
function failingDb(error: Error): Database {
  const fail = async () => {
    throw error
  }
  const chain: Record<string, unknown> = {}
  for (const k of ['where', 'field', 'orderBy', 'skip', 'limit', 'doc']) chain[k] = () => chain
  for (const k of ['get', 'add', 'update', 'remove', 'set', 'count']) chain[k] = fail
  return { collection: () => chain, command: { pull: (v: unknown) => ({ pull: v }) } } as unknown as Database
}

describe('insertIfAbsent and insertOnce', () => {
  test('a duplicate key is "already there": false, and insertOnce answers the id', async () => {
    await expect(insertIfAbsent(failingDb(DUPLICATE), 'likes', { _id: 'a' })).resolves.toBe(false)
    await expect(insertOnce(failingDb(DUPLICATE), 'posts', { title: 't' }, 'r-1')).resolves.toBe('r-1')
  })

  test('any other failure is thrown', async () => {
    await expect(insertIfAbsent(failingDb(DOWN), 'likes', { _id: 'a' })).rejects.toBe(DOWN)
    await expect(insertIfAbsent(failingDb(MISSING_DOC), 'likes', { _id: 'a' })).rejects.toBe(MISSING_DOC)
  })
})

describe('findMember and readInTransaction', () => {
  test('a missing document is null', async () => {
    await expect(findMember(failingDb(MISSING_DOC), 'o-1')).resolves.toBeNull()
    await expect(readInTransaction(failingDb(MISSING_DOC) as unknown as Transaction, 'members', 'o-1')).resolves.toBeNull()
  })

  test('any other failure is thrown', async () => {
    await expect(findMember(failingDb(DOWN), 'o-1')).rejects.toBe(DOWN)
    await expect(readInTransaction(failingDb(DUPLICATE) as unknown as Transaction, 'members', 'o-1')).rejects.toBe(DUPLICATE)
  })
})

describe('personal data sites', () => {
  const sites: PersonalDataSite[] = [
    { collection: 'diaries', field: 'openid', onDelete: 'remove' },
    { collection: 'settings', field: 'openids', onDelete: 'pull' },
    { collection: 'posts', field: 'authorOpenid', onDelete: 'anonymise' },
  ]

  test('a collection not created yet has nothing of hers', async () => {
    await expect(collectPersonalData(failingDb(MISSING_COLLECTION), 'o-1', sites)).resolves.toEqual({ diaries: [], settings: [], posts: [] })
    await expect(erasePersonalData(failingDb(MISSING_COLLECTION), 'o-1', sites)).resolves.toBeUndefined()
  })

  test('any other failure stops the export and the erasure', async () => {
    await expect(collectPersonalData(failingDb(DOWN), 'o-1', sites)).rejects.toBe(DOWN)
    for (const site of sites) await expect(erasePersonalData(failingDb(DOWN), 'o-1', [site])).rejects.toBe(DOWN)
  })
})
