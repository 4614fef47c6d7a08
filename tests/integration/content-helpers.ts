// Shared fixtures for the content integration tests: who is who, and a typed failure check.
import type { Envelope } from '../../domain/envelope'
import type { TestCloud } from './support'

export const LEADER = 'o-content-leader'
export const LEADER_2 = 'o-content-leader-2'
export const MOTHER = 'o-content-mother'
export const MOTHER_2 = 'o-content-mother-2'
export const PENDING = 'o-content-pending'
export const VISITOR = 'o-content-visitor'

export async function seedCast(cloud: TestCloud): Promise<void> {
  await cloud.seedMember({ openid: LEADER, roles: ['leader'], nickname: '王团长' })
  await cloud.seedMember({ openid: LEADER_2, roles: ['leader'], nickname: '李医生' })
  await cloud.seedMember({ openid: MOTHER, tags: ['敏感肌宝宝妈妈'], nickname: '小雨妈妈' })
  await cloud.seedMember({ openid: MOTHER_2, tags: [], nickname: '豆豆妈妈' })
  await cloud.seedMember({ openid: PENDING, status: 'pending', nickname: '新妈妈' })
}

export function errorOf(env: Envelope<unknown>): { code: string; message: string } {
  if (env.ok) throw new Error(`expected a failure, got ${JSON.stringify(env.data)}`)
  return env.error
}

export async function countOf(cloud: TestCloud, collection: string, where: Record<string, unknown> = {}): Promise<number> {
  return ((await cloud.db.collection(collection).where(where).count()) as { total: number }).total
}

export const photo = (name: string) => `cloud://local-env.local-bucket/diary/${name}.jpg`
