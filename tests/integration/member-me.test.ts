import { DEFAULT_MESSAGES } from '../../domain/errors'
import { useCloud } from './support'

const cloud = useCloud()

test('a visitor with no record is a visitor', async () => {
  const env = await cloud.call('member', { action: 'me' }, 'o-new-visitor')
  expect(env).toEqual({ ok: true, data: { openid: 'o-new-visitor', status: 'visitor', roles: [], tags: [] } })
})

test('identity comes from the WeChat context, never from the input', async () => {
  await cloud.seedMember({ openid: 'o-leader-1', roles: ['leader'] })
  const env = await cloud.call('member', { action: 'me', openid: 'o-leader-1' }, 'o-someone')
  expect(env.ok).toBe(false)
  if (!env.ok) expect(env.error.code).toBe('BAD_INPUT')
})

test('a member sees her status, roles, tags and her baby month age computed from the clock', async () => {
  await cloud.seedMember({ openid: 'o-mother-1', babyBirthDate: '2026-05-10', tags: ['0-6月'], nickname: '小雨妈妈' })
  await cloud.setClock('2026-11-28T10:00:00+08:00')
  const me = await cloud.ok<{ babyMonthAge: number; status: string; stage: string }>('member', { action: 'me' }, 'o-mother-1')
  expect(me).toMatchObject({ status: 'member', babyMonthAge: 6, stage: '6–12 月 辅食添加期', nickname: '小雨妈妈' })
  await cloud.advanceClock(31 * 86400_000)
  const later = await cloud.ok<{ babyMonthAge: number }>('member', { action: 'me' }, 'o-mother-1')
  expect(later.babyMonthAge).toBe(7)
})

test('an unknown action or a missing one is not a crash: an outsider hears "join first", an admin BAD_INPUT', async () => {
  await cloud.seedMember({ openid: 'o-me-admin', roles: ['admin'] })
  for (const data of [{ action: 'nope' }, {}, { action: 42 }]) {
    expect(await cloud.call('member', data, 'o-x')).toEqual({ ok: false, error: { code: 'NOT_MEMBER', message: DEFAULT_MESSAGES.NOT_MEMBER } })
    expect(await cloud.call('member', data, 'o-me-admin')).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } })
  }
})
