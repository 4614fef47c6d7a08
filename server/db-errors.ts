// Recognising the database's answers that are outcomes, not failures.

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
 * an operation inside the callback arrives as -501001 with the service's message, so both are read.
 */
export function isTransactionConflict(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code
  if (code === 'DATABASE_TRANSACTION_CONFLICT') return true
  return /TransactionConflict|TRANSACTION_CONFLICT|transaction is conflict|conflict/i.test(messageOf(e))
}
