import { authorize, type Caller } from '../../domain/roles'
import { AppError } from '../../domain/errors'

const caller = (over: Partial<Caller>): Caller => ({ openid: 'o1', status: 'visitor', roles: [], ...over })

function codeOf(fn: () => void): string | undefined {
  try {
    fn()
    return undefined
  } catch (e) {
    return (e as AppError).code
  }
}

describe('authorize', () => {
  test.each([
    ['anyone', caller({}), undefined],
    ['member', caller({ status: 'visitor' }), 'NOT_MEMBER'],
    ['member', caller({ status: 'pending' }), 'NOT_MEMBER'],
    ['member', caller({ status: 'rejected' }), 'NOT_MEMBER'],
    ['member', caller({ status: 'member' }), undefined],
    ['member', caller({ status: 'visitor', roles: ['cs'] }), undefined],
    ['leader', caller({ status: 'member' }), 'FORBIDDEN'],
    ['leader', caller({ status: 'member', roles: ['cs'] }), 'FORBIDDEN'],
    ['leader', caller({ status: 'member', roles: ['leader'] }), undefined],
    ['cs', caller({ status: 'member', roles: ['admin'] }), undefined],
    ['leader', caller({ status: 'visitor' }), 'NOT_MEMBER'],
    ['admin', caller({ status: 'pending' }), 'NOT_MEMBER'],
    ['admin', caller({ status: 'member', roles: ['leader'] }), 'FORBIDDEN'],
  ] as const)('%s for %o → %s', (audience, who, expected) => {
    expect(codeOf(() => authorize(audience, who))).toBe(expected)
  })

  test('no openid is unauthenticated whatever the audience', () => {
    expect(codeOf(() => authorize('anyone', caller({ openid: '' })))).toBe('UNAUTHENTICATED')
  })
})
