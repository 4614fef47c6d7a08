// Recognising the database's answers that are outcomes, not failures.
import { isAppError } from '../domain/errors'

function messageOf(e: unknown): string {
  return String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e)
}

/** A duplicate `_id` (or unique index) on insert: MongoDB's E11000 on the database's -502001. */
export function isDuplicateKey(e: unknown): boolean {
  return /E11000|duplicate key/i.test(messageOf(e))
}

/** `doc(id).get()` on a missing document: the SDK itself throws "document with _id … does not exist". */
export function isMissingDocument(e: unknown): boolean {
  return messageOf(e).includes('does not exist')
}

/** A collection nobody has created yet (-502005): the feature has stored nothing. */
export function isMissingCollection(e: unknown): boolean {
  return messageOf(e).includes('-502005')
}

/**
 * A write refused because another transaction holds the document's lock, or a commit that lost to
 * a concurrent write. wx-server-sdk keeps the service's code only on commit; a refusal answered to
 * an operation inside the callback arrives as -501001 with the service's message
 * ("document.update:fail -501001 resource system error. [ResourceUnavailable.TransactionConflict]
 * …" from localcloud), so the message is read too. The real service's wording is not captured, so
 * any "conflict" in it counts; a domain error is never one, whatever its text.
 */
export function isTransactionConflict(e: unknown): boolean {
  if (isAppError(e)) return false
  if ((e as { code?: unknown })?.code === 'DATABASE_TRANSACTION_CONFLICT') return true
  return /conflict/i.test(messageOf(e))
}
