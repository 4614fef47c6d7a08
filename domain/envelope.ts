import type { ErrorCode } from './errors'

export interface Success<T> {
  ok: true
  data: T
}
export interface Failure {
  ok: false
  error: { code: ErrorCode; message: string }
}
/** The one answer shape of every cloud function. */
export type Envelope<T> = Success<T> | Failure

export const success = <T>(data: T): Success<T> => ({ ok: true, data })
export const failure = (code: ErrorCode, message: string): Failure => ({ ok: false, error: { code, message } })
