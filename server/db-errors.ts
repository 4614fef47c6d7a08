// Recognising the database's answers that are outcomes, not failures.

/** A duplicate `_id` (or unique index) on insert: MongoDB's E11000 on the database's -502001. */
export function isDuplicateKey(e: unknown): boolean {
  const msg = String((e as { errMsg?: string; message?: string })?.errMsg ?? (e as Error)?.message ?? e)
  return /E11000|duplicate key/i.test(msg)
}
