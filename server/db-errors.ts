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
