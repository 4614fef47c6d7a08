// Membership calls, one function per action, so pages never spell action names or inputs.
import type { ApplyInput, ListInput, ReviewInput } from '../../domain/schemas/member'
import Taro from '@tarojs/taro'
import type { MemberStatus, Role } from '../../domain/roles'
import { call } from './cloud'
import { LAST_STATUS_KEY } from './first-screen'

// Her status as this device last heard it, so the landing page can draw the apply button before
// the first answer instead of after a round trip. Only 'visitor' (or nothing heard yet) is drawn
// early; any other status waits for the answer. Storage is per WeChat user on weapp; on H5 the dev
// identity picker forgets it when it switches. The H5 page's static landing reads it too.
const STATUS_KEY = LAST_STATUS_KEY

function rememberStatus(status: MemberStatus): void {
  try {
    Taro.setStorageSync(STATUS_KEY, status)
  } catch {
    // a full or blocked storage only costs the early drawing
  }
}

/** The status this device last heard, or undefined before the first answer. */
export function lastKnownStatus(): MemberStatus | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(STATUS_KEY)
    return typeof raw === 'string' && raw ? (raw as MemberStatus) : undefined
  } catch {
    return undefined
  }
}

export function forgetStatus(): void {
  try {
    Taro.removeStorageSync(STATUS_KEY)
  } catch {
    // nothing stored, nothing to forget
  }
}

export const fetchMe = () =>
  call('member', 'me', {}).then((me) => {
    rememberStatus(me.status)
    return me
  })

/** The lead gift as the operator configured it (settings/landing): title and cloud fileID. */
export const fetchLanding = () => call('member', 'landing', {})

// remembered at once: back on the landing page she must not see the apply button again
export const applyForMembership = (input: ApplyInput) =>
  call('member', 'apply', input).then((res) => {
    rememberStatus(res.status)
    return res
  })

export const fetchPending = (page: number, pageSize = 20) => call('member', 'pending', { page, pageSize })

export const reviewApplicant = (input: ReviewInput) => call('member', 'review', input)

export type MemberFilter = Pick<ListInput, 'status' | 'tag' | 'keyword'>

/** Empty filter values are left out: the schema treats '' as a real (and failing) filter. */
export function listMembers(filter: MemberFilter, page: number, pageSize = 20) {
  const input: ListInput = { page, pageSize }
  if (filter.status) input.status = filter.status
  if (filter.tag) input.tag = filter.tag
  const keyword = filter.keyword?.trim()
  if (keyword) input.keyword = keyword
  return call('member', 'list', input)
}

export const addTag = (openid: string, tag: string) => call('member', 'tag', { openid, add: [tag] })

export const removeTag = (openid: string, tag: string) => call('member', 'tag', { openid, remove: [tag] })

export const setRoles = (openid: string, roles: Role[]) => call('member', 'setRoles', { openid, roles })

export const exportMyData = () => call('member', 'export', {})

/** Her data as two files in cloud storage (a readable page and the JSON), with temporary links. */
export const exportMyFiles = () => call('member', 'exportFiles', {})

/** Leaders: every tag in use with how many carry it (rule tags first), counted by the functions. */
export const fetchTagsInUse = () => call('member', 'tagsInUse', {})

export const deleteMyAccount = () => call('member', 'deleteAccount', { confirm: '注销' })
