// Errors answered on the SDK's error channel: HTTP 200 with top-level `{ code, message }`.
// The server's HTTP front answers any thrown object with a string `code` this way.

export class CloudError extends Error {
  constructor(readonly code: string, message: string) {
    super(message)
  }
}

const ADVICE = 'Please check your request, but if the problem cannot be solved, contact us.'

/** The real service's answer for a collection that was never created (seen in public reports). */
export const collectionMissing = (): CloudError =>
  new CloudError('DATABASE_COLLECTION_NOT_EXIST', `[ResourceNotFound] Db or Table not exist. ${ADVICE}`)

/** Code not verified against the real service; the message is the CloudBase backend's wording. */
export const collectionExists = (): CloudError =>
  new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `[CreateTable] Table exist. ${ADVICE}`)

/** Duplicate `_id` or unique-index violation: MongoDB's E11000 text on the database's generic failure code. */
export const duplicateKey = (mongoMessage: string): CloudError => new CloudError('DATABASE_REQUEST_FAILED', mongoMessage)

export const invalidParam = (message: string): CloudError => new CloudError('INVALID_PARAM', message)

/** A write refused because another transaction holds the lock, or the document changed after the snapshot. */
export const transactionConflict = (): CloudError =>
  new CloudError('DATABASE_TRANSACTION_CONFLICT', `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${ADVICE}`)

export const transactionGone = (id: string): CloudError =>
  new CloudError('DATABASE_TRANSACTION_FAIL', `[ResourceUnavailable.TransactionNotExist] Transaction ${id} does not exist or has expired. ${ADVICE}`)

/** A transaction the service rolled back itself: after a refused write, or at the end of its lifetime. */
export const transactionEnded = (id: string, reason: 'conflict' | 'expired'): CloudError =>
  new CloudError(
    'DATABASE_TRANSACTION_FAIL',
    reason === 'conflict'
      ? `[ResourceUnavailable.TransactionNotExist] Transaction ${id} was rolled back after a write conflict. ${ADVICE}`
      : `[ResourceUnavailable.TransactionNotExist] Transaction ${id} was not committed within its lifetime and was rolled back. ${ADVICE}`,
  )

/** A plain write that waited for a transaction's lock longer than localcloud allows (its choice of code and text). */
export const lockWaitTimeout = (ms: number): CloudError =>
  new CloudError('DATABASE_REQUEST_FAILED', `[LockTimeout] Waited ${ms} ms for a document locked by a transaction. ${ADVICE}`)
