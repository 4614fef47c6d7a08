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

export const transactionConflict = (): CloudError =>
  new CloudError('DATABASE_TRANSACTION_CONFLICT', `[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. ${ADVICE}`)

export const transactionGone = (id: string): CloudError =>
  new CloudError('DATABASE_TRANSACTION_FAIL', `[ResourceUnavailable.TransactionNotExist] Transaction ${id} does not exist or has expired. ${ADVICE}`)
