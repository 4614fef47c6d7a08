import type { Audience } from './roles'

/**
 * The one access table: who may call each `function.action`. The routers authorise from here,
 * handlers never check roles themselves. An action missing here cannot be called.
 */
export const ACCESS = {
  'member.me': 'anyone',
  'member.landing': 'anyone',
  'member.apply': 'anyone',
  'member.review': 'leader',
  'member.pending': 'leader',
  'member.list': 'leader',
  'member.tag': 'leader',
  'member.tagsInUse': 'leader',
  'member.setRoles': 'admin',
  // her own data: anyone who has a record may take it out or erase it (PIPL), admitted or not
  'member.export': 'anyone',
  'member.exportFiles': 'anyone',
  'member.deleteAccount': 'anyone',
  // content: members read, ask, post diaries and like; leaders publish, answer and run contests
  'content.feed': 'member',
  'content.publishPost': 'leader',
  'content.ask': 'member',
  'content.answer': 'leader',
  'content.questions': 'member',
  'content.unanswered': 'leader',
  'content.postDiary': 'member',
  'content.like': 'member',
  'content.diaries': 'member',
  'content.contests': 'member',
  'content.ranking': 'member',
  'content.createContest': 'leader',
  // corrections: a mother edits and deletes her own entries (the handler's query holds her to
  // them); leaders correct and remove posts and close contests
  'content.post': 'member',
  'content.editPost': 'leader',
  'content.removePost': 'leader',
  'content.editQuestion': 'member',
  'content.deleteQuestion': 'member',
  'content.editDiary': 'member',
  'content.deleteDiary': 'member',
  'content.closeContest': 'leader',
  // live previews: leaders run them and curate the questions; admitted mothers watch, ask and
  // ask to be reminded
  'live.create': 'leader',
  'live.update': 'leader',
  'live.cancel': 'leader',
  'live.finish': 'leader',
  'live.list': 'member',
  'live.byStatus': 'leader',
  'live.get': 'member',
  'live.remind': 'member',
  'live.ask': 'member',
  'live.qa': 'member',
  'live.questions': 'leader',
  'live.curate': 'leader',
  // trace codes: leaders import batches; anyone holding a can may look its code up
  'trace.importCodes': 'leader',
  'trace.lookup': 'anyone',
  // chains: leaders run them and see entries in full; admitted mothers list, open, join and cancel.
  // KOCs (role `koc`) are admitted mothers: `chain.join` lets them in from the chain's KOC window
  // (domain/chain.ts `joinOpensAt`), the rest from its open time
  'chain.create': 'leader',
  'chain.update': 'leader',
  'chain.close': 'leader',
  'chain.removeEntry': 'leader',
  'chain.entries': 'leader',
  'chain.get': 'member',
  'chain.list': 'member',
  'chain.join': 'member',
  'chain.cancel': 'member',
  'chain.setAddress': 'member',
  'chain.mine': 'member',
  // fulfilment: leaders ship and deliver
  'order.ship': 'leader',
  'order.deliver': 'leader',
} as const satisfies Record<string, Audience>

export type QualifiedAction = keyof typeof ACCESS

export function audienceOf(qualified: string): Audience | undefined {
  return (ACCESS as Record<string, Audience>)[qualified]
}
