// Single-document reads and writes shared by the collection modules.
import type { Database } from '../cloud'
import { isDuplicateKey } from '../db-errors'

/** One document by `_id`, or null when there is none (a query, so a miss is not an error). */
export async function findById<T>(db: Database, collection: string, id: string): Promise<T | null> {
  const res = (await db.collection(collection).where({ _id: id }).limit(1).get()) as unknown as { data: T[] }
  return res.data[0] ?? null
}

/** Inserts a document and answers the `_id` the database gave it. */
export async function insertDocument<T extends object>(db: Database, collection: string, doc: T): Promise<string> {
  const res = (await db.collection(collection).add({ data: doc })) as { _id: string }
  return res._id
}

/**
 * Inserts a document with a fixed `_id`; false when one with that `_id` already exists. The
 * database's duplicate-key refusal is the once-only guard (a double tap, a second like).
 */
export async function insertIfAbsent<T extends { _id: string }>(db: Database, collection: string, doc: T): Promise<boolean> {
  try {
    await db.collection(collection).add({ data: doc })
    return true
  } catch (e) {
    if (isDuplicateKey(e)) return false
    throw e
  }
}

/**
 * Inserts a created record once per client request: with an `_id` derived from the request (see
 * server/request-ids.ts) a retry collides and answers the record the first attempt stored; without
 * one the database picks the `_id`.
 */
export async function insertOnce<T extends object>(db: Database, collection: string, doc: T, id: string | undefined): Promise<string> {
  if (!id) return insertDocument(db, collection, doc)
  await insertIfAbsent(db, collection, { ...doc, _id: id })
  return id
}
