// One id per submit: a create sent again after a lost answer (the network dropped it) carries the
// same id, so the function answers the record it already stored instead of storing a second one.
import { CloudError } from './cloud'

export function newRequestId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 12).padEnd(10, '0')}`
}

/** Resends after a network failure; a lost answer is harmless because every attempt shares the id. */
const NETWORK_RETRIES = 2

/** Runs one submit: a fresh requestId, reused by every retry of this same submit. */
export async function submitOnce<T>(send: (requestId: string) => Promise<T>): Promise<T> {
  const requestId = newRequestId()
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(requestId)
    } catch (e) {
      if (!(e instanceof CloudError && e.code === 'NETWORK') || attempt >= NETWORK_RETRIES) throw e
    }
  }
}
