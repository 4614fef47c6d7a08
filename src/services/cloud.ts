// The one typed client of the cloud functions. Pages call `call('member', 'me', {})` and get the
// action's typed data, or a thrown CloudError whose message is ready to show.
import type { ActionName, FunctionName, InputOf, OutputOf } from '../../domain/api'
import type { Envelope } from '../../domain/envelope'
import { DEFAULT_MESSAGES, type ErrorCode } from '../../domain/errors'
import { backend } from './backend'

export type ClientErrorCode = ErrorCode | 'NETWORK'

export class CloudError extends Error {
  readonly code: ClientErrorCode
  constructor(code: ClientErrorCode, message: string) {
    super(message)
    this.name = 'CloudError'
    this.code = code
  }
}

/** Anything a call threw, as a CloudError: the client's own errors pass through, the rest read as INTERNAL. */
export function toCloudError(e: unknown): CloudError {
  return e instanceof CloudError ? e : new CloudError('INTERNAL', DEFAULT_MESSAGES.INTERNAL)
}

const NETWORK_MESSAGE = '网络不太好，请检查网络后重试'

function isEnvelope(value: unknown): value is Envelope<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean'
}

export async function call<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: InputOf<F, A>,
): Promise<OutputOf<F, A>> {
  let result: unknown
  try {
    const res = await backend().callFunction({ name, data: { ...(input as Record<string, unknown>), action } })
    result = res.result
  } catch {
    throw new CloudError('NETWORK', NETWORK_MESSAGE)
  }
  if (!isEnvelope(result)) throw new CloudError('INTERNAL', DEFAULT_MESSAGES.INTERNAL)
  if (!result.ok) throw new CloudError(result.error.code, result.error.message || DEFAULT_MESSAGES[result.error.code])
  return result.data as OutputOf<F, A>
}
