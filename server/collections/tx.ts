// Reads inside a transaction. The SDK throws on a missing document there; a miss is an answer.
import { isMissingDocument } from '../db-errors'
import type { Transaction } from '../transaction'

export async function readInTransaction<T>(t: Transaction, collection: string, id: string): Promise<T | null> {
  try {
    const res = await t.collection(collection).doc(id).get()
    return (res.data as T | undefined) ?? null
  } catch (e) {
    if (isMissingDocument(e)) return null
    throw e
  }
}
