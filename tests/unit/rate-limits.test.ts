import { RATE_LIMITS, rateLimitMessage, windowStart } from '../../domain/rate-limits'
import { nextAdmins } from '../../domain/roles'

test('windows are fixed and aligned: the last millisecond of one and the first of the next differ', () => {
  const hour = 3600_000
  const start = Date.UTC(2026, 10, 20, 2)
  expect(windowStart(start, hour)).toBe(start)
  expect(windowStart(start + hour - 1, hour)).toBe(start)
  expect(windowStart(start + hour, hour)).toBe(start + hour)
})

test('the message says what, how many and per what', () => {
  expect(rateLimitMessage(RATE_LIMITS['content.ask'])).toBe(`提问太频繁了，每小时最多 ${RATE_LIMITS['content.ask'].max} 次，请稍后再试`)
})

describe('the admin set after a role change', () => {
  test('removing another admin keeps the caller', () => {
    expect(nextAdmins(['a', 'b'], { by: 'a', target: 'b', targetIsAdmin: false })).toEqual(['a'])
  })
  test('a caller written in by hand joins the set; a new admin is added', () => {
    expect(nextAdmins(['a'], { by: 'c', target: 'd', targetIsAdmin: true })).toEqual(['a', 'c', 'd'])
  })
  test('an admin removing herself would leave nothing only if she was alone', () => {
    expect(nextAdmins([], { by: 'a', target: 'a', targetIsAdmin: false })).toEqual([])
  })
})
