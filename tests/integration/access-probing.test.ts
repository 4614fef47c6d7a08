// Authorise before validating: someone who may not call an action learns nothing about it — not its
// fields (no BAD_INPUT naming them), not whether it exists (an unknown name answers the same).
import { ACCESS } from '../../domain/access'
import { DEFAULT_MESSAGES } from '../../domain/errors'
import { FIELD_LABELS } from '../../domain/schemas/format'
import { useCloud } from './support'

const PENDING = 'o-probe-pending'
const REJECTED = 'o-probe-rejected'
const VISITOR = 'o-probe-visitor'
const MEMBER = 'o-probe-member'

const cloud = useCloud(async () => {
  await cloud.seedMember({ openid: PENDING, status: 'pending' })
  await cloud.seedMember({ openid: REJECTED, status: 'rejected' })
  await cloud.seedMember({ openid: MEMBER })
})

const staffActions = Object.entries(ACCESS).filter(([, who]) => who !== 'anyone' && who !== 'member').map(([name]) => name.split('.') as [string, string])
const memberActions = Object.entries(ACCESS).filter(([, who]) => who === 'member').map(([name]) => name.split('.') as [string, string])

// malformed in every way a schema could name: wrong types, unknown fields, missing ones
const MALFORMED: Record<string, unknown>[] = [{}, { openid: 42, roles: ['owner'], decision: 'maybe', page: -1, x: '\u0000' }, { id: [], title: {}, deadline: 'soon' }]

const refusal = (code: 'NOT_MEMBER' | 'FORBIDDEN') => ({ ok: false, error: { code, message: DEFAULT_MESSAGES[code] } })

test.each([VISITOR, PENDING, REJECTED])('%s: every staff action with malformed input answers the same NOT_MEMBER, naming no field', async (openid) => {
  expect(staffActions.length).toBeGreaterThan(5)
  for (const [fn, action] of staffActions) {
    for (const input of MALFORMED) {
      const env = await cloud.call(fn, { action, ...input }, openid)
      expect([fn, action, env]).toEqual([fn, action, refusal('NOT_MEMBER')])
      for (const label of Object.values(FIELD_LABELS)) expect(JSON.stringify(env)).not.toContain(`${label}：`)
    }
  }
})

test.each([VISITOR, PENDING])('%s: members-only actions with malformed input answer NOT_MEMBER too', async (openid) => {
  for (const [fn, action] of memberActions) {
    expect([fn, action, await cloud.call(fn, { action, page: 'x' }, openid)]).toEqual([fn, action, refusal('NOT_MEMBER')])
  }
})

test('an admitted member probing staff actions hears FORBIDDEN, never the schema', async () => {
  for (const [fn, action] of staffActions) {
    expect([fn, action, await cloud.call(fn, { action, openid: 42 }, MEMBER)]).toEqual([fn, action, refusal('FORBIDDEN')])
  }
})

test('an unknown action name answers exactly what a real staff action answers', async () => {
  for (const fn of ['member', 'content']) {
    for (const name of ['grantAll', 'setroles', '__proto__', 'constructor', '']) {
      expect([fn, name, await cloud.call(fn, { action: name }, VISITOR)]).toEqual([fn, name, refusal('NOT_MEMBER')])
      expect([fn, name, await cloud.call(fn, { action: name }, MEMBER)]).toEqual([fn, name, refusal('FORBIDDEN')])
    }
  }
})
