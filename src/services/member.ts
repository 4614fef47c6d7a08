// Membership calls, one function per action, so pages never spell action names or inputs.
import type { ApplyInput, ListInput, ReviewInput } from '../../domain/schemas/member'
import type { Role } from '../../domain/roles'
import { call } from './cloud'

export const fetchMe = () => call('member', 'me', {})

/** The lead gift as the operator configured it (settings/landing): title and cloud fileID. */
export const fetchLanding = () => call('member', 'landing', {})

export const applyForMembership = (input: ApplyInput) => call('member', 'apply', input)

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
