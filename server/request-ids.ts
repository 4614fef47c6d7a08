// A create's `_id` from the client's request id: the same caller retrying the same submit gets the
// same `_id`, so the insert collides instead of storing a second copy. The openid is hashed in, so
// two mothers using the same request id never meet, and the id names nobody.
import { createHash } from 'node:crypto'

export function recordIdFor(openid: string, action: string, requestId: string | undefined): string | undefined {
  if (!requestId) return undefined
  return `r${createHash('sha256').update(`${openid}\u0000${action}\u0000${requestId}`).digest('hex').slice(0, 31)}`
}
