import type { Role } from '../../../domain/roles'

/** Leaders run the community; an admin may do all a leader does. */
export const isLeader = (roles: readonly Role[]) => roles.includes('leader') || roles.includes('admin')

/** Customer service; an admin may look over her shoulder. */
export const isService = (roles: readonly Role[]) => roles.includes('cs') || roles.includes('admin')

export const LEADER_HOME = '/packages/leader/pages/home/index'
export const SERVICE_HOME = '/packages/service/pages/home/index'
