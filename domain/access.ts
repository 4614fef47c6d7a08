import type { Audience } from './roles'

/**
 * The one access table: who may call each `function.action`. The routers authorise from here,
 * handlers never check roles themselves. An action missing here cannot be called.
 */
export const ACCESS = {
  'member.me': 'anyone',
  'member.apply': 'anyone',
  'member.review': 'leader',
  'member.pending': 'leader',
  'member.list': 'leader',
  'member.tag': 'leader',
  'member.setRoles': 'admin',
  // her own data: anyone who has a record may take it out or erase it (PIPL), admitted or not
  'member.export': 'anyone',
  'member.deleteAccount': 'anyone',
} as const satisfies Record<string, Audience>

export type QualifiedAction = keyof typeof ACCESS

export function audienceOf(qualified: string): Audience | undefined {
  return (ACCESS as Record<string, Audience>)[qualified]
}
