// The app's side of idempotent creates: one requestId per submit, the same on every resend.
import { CloudError } from '../../src/services/cloud'
import { newRequestId, submitOnce } from '../../src/services/request-id'
import { requestId as requestIdSchema } from '../../domain/schemas/common'

jest.mock('../../src/services/backend', () => ({ backend: () => ({}) }))

test('ids fit the schema and differ between submits', () => {
  const ids = Array.from({ length: 50 }, newRequestId)
  for (const id of ids) expect(requestIdSchema.safeParse(id).success).toBe(true)
  expect(new Set(ids).size).toBe(50)
})

test('a resend after a network failure carries the same id; other failures are not resent', async () => {
  const seen: string[] = []
  const answer = await submitOnce(async (id) => {
    seen.push(id)
    if (seen.length < 3) throw new CloudError('NETWORK', '网络不太好')
    return 'stored'
  })
  expect(answer).toBe('stored')
  expect(new Set(seen).size).toBe(1)
  expect(seen).toHaveLength(3)

  const refused: string[] = []
  await expect(submitOnce(async (id) => { refused.push(id); throw new CloudError('RATE_LIMITED', '太频繁') })).rejects.toMatchObject({ code: 'RATE_LIMITED' })
  expect(refused).toHaveLength(1)
})
