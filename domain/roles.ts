import { AppError } from './errors'

/** Staff roles: they run the community and see everything their work needs. */
export const STAFF_ROLES = ['leader', 'cs', 'admin'] as const
export type StaffRole = (typeof STAFF_ROLES)[number]
/**
 * Every role a member record may carry: the staff roles, and `koc` (体验官), a mother the brand
 * trusts to try products first. A KOC is no staff member: she is admitted like any mother and sees
 * what her tags show her; the role only opens benefits such as a chain's early-access window
 * (domain/chain.ts `joinOpensAt`), enforced by `chain.join`.
 */
export const ROLES = [...STAFF_ROLES, 'koc'] as const
export type Role = (typeof ROLES)[number]

export const MEMBER_STATUSES = ['visitor', 'pending', 'member', 'rejected'] as const
export type MemberStatus = (typeof MEMBER_STATUSES)[number]

/**
 * Who may call an action:
 * - `anyone`: any WeChat user, admitted or not;
 * - `member`: admitted mothers (staff with a role count as members too);
 * - a role: staff holding that role (admins may act as any staff role).
 */
export type Audience = 'anyone' | 'member' | Role

export interface Caller {
  openid: string
  status: MemberStatus
  roles: readonly Role[]
}

/** A staff role among `roles` (a KOC alone is no staff member). */
export function isStaff(caller: { roles: readonly Role[] }): boolean {
  return caller.roles.some((r) => r !== 'koc')
}

function hasRole(caller: Caller, role: Role): boolean {
  return caller.roles.includes(role) || caller.roles.includes('admin')
}

/** Throws the envelope error that explains why `caller` may not act; returns when allowed. */
export function authorize(audience: Audience, caller: Caller): void {
  if (!caller.openid) throw new AppError('UNAUTHENTICATED')
  if (audience === 'anyone') return
  const admitted = caller.status === 'member' || isStaff(caller)
  if (audience === 'member') {
    if (admitted) return
    throw new AppError('NOT_MEMBER')
  }
  if (hasRole(caller, audience)) return
  // outsiders hear "join first", not "wrong role": they have no business knowing staff actions exist
  throw new AppError(admitted ? 'FORBIDDEN' : 'NOT_MEMBER')
}

/**
 * The admin set after an admin (`by`, an admin herself) gives `target` roles that do or do not
 * include admin. `by` is added in case an operator wrote her admin role by hand after the set was
 * seeded. An empty answer means the change would leave nobody to hand out roles.
 */
export function nextAdmins(current: readonly string[], change: { by: string; target: string; targetIsAdmin: boolean }): string[] {
  const next = new Set([...current, change.by])
  next.delete(change.target)
  if (change.targetIsAdmin) next.add(change.target)
  return [...next].sort()
}
