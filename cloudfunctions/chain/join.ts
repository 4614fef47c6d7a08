// Joining a chain (the hot path of a rush), cancelling, the address asked for before packing, and a
// leader's removal of an entry.
//
// A successful join costs the router's read of her member record, then:
//   1. one conditional update of the chain (server/collections/chains.ts `admitNewBuyer`): quota,
//      status, open time, deadline, targeting, per-person limit and "this request not counted yet"
//      are its query; selling, her place in line and counting the request are its write;
//   2. together: her place read back (`placeOf`: the SDK's update does not answer the document) and
//      her entry inserted with a fixed `_id` (`recordEntry`).
// A refused update costs one small read of the chain to say why: SOLD_OUT with what is
// left, LIMIT_EXCEEDED, CHAIN_CLOSED — or that she already holds some (then the same conditional
// update for a raise), or that this request was counted already (a resend: the same answer).
//
// A crash between 1 and 2 leaves the cans sold to her in the chain and no entry document: the resend
// (same requestId) finds the request counted, sells nothing more, and writes the entry. Never resent,
// the closing gives those cans back (cloudfunctions/chain/settle.ts). A refused join wrote nothing.
import { canSeeChain, isKoc, joinRefusal, maskName, type ChainEntryRecord } from '../../domain/chain'
import { displayName, visibleTagsFor } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { chainSchemas, type JoinChainParams } from '../../domain/schemas/chain'
import { claimRemoval, findEntry, markCancelled, recordEntry, setEntryAddress } from '../../server/collections/chain-entries'
import {
  admitNewBuyer, admitRaise, entryKey, heldBy, joinState, placeOf, releaseEntry, requestKey, type JoinAttempt,
} from '../../server/collections/chains'
import { assertSafeText, SCENE } from '../../server/content-check'
import { action, type ActionContext } from '../../server/router'
import { CHAIN_MISSING } from './chains'

/** Attempts before a join that keeps losing races gives up (each loss means the state moved). */
const JOIN_ROUNDS = 4
const BUSY = '参与的人太多了，请再点一次'

async function finishJoin(ctx: ActionContext, input: JoinChainParams, a: JoinAttempt) {
  const entry: ChainEntryRecord = {
    _id: a.key,
    chainId: a.chainId,
    openid: ctx.openid,
    name: displayName(ctx.member),
    joinedAt: a.now,
    ...(input.address ? { address: input.address } : {}),
    ...(input.note ? { note: input.note } : {}),
  }
  const [place] = await Promise.all([placeOf(ctx.db, a.chainId, a.key), recordEntry(ctx.db, entry)])
  // her request was counted, but she has cancelled since
  if (place.seq === null) throw new AppError('CONFLICT', '这次接龙已经取消了')
  return { entryId: a.key, seq: place.seq, qty: place.held, ...(place.gift ? { gift: place.gift } : {}) }
}

async function join(input: JoinChainParams, ctx: ActionContext) {
  if (input.note) await assertSafeText(ctx.cloud, ctx.openid, [input.note], SCENE.comment)
  const koc = isKoc(ctx.caller.roles)
  const viewer = { roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] }
  const a: JoinAttempt = {
    chainId: input.chainId,
    key: entryKey(input.chainId, ctx.openid),
    request: requestKey(ctx.openid, input.requestId),
    qty: input.qty,
    now: ctx.now(),
    koc,
    visibleTags: visibleTagsFor(viewer),
    name: maskName(ctx.member?.nickname),
  }
  let raiseLimit: number | null = null
  for (let round = 0; round < JOIN_ROUNDS; round++) {
    const admitted = raiseLimit === null ? await admitNewBuyer(ctx.db, a) : await admitRaise(ctx.db, a, raiseLimit)
    if (admitted) return finishJoin(ctx, input, a)
    const state = await joinState(ctx.db, a.chainId, a.key, a.request)
    if (!state || !canSeeChain(state, viewer)) throw new AppError('NOT_FOUND', CHAIN_MISSING)
    if (state.counted) return finishJoin(ctx, input, a) // a resend of a join that went through
    const refusal = joinRefusal(state, a.qty, a.now, koc)
    if (refusal) throw refusal
    // nothing forbids it: she holds some already (a raise), or the state moved under us
    raiseLimit = state.held > 0 ? state.perPersonLimit : null
  }
  throw new AppError('CONFLICT', BUSY)
}

/**
 * Gives back all she holds on a chain, retried while her holding changes under us (a raise landing
 * in between). Answers what was given back (0: nothing was held: a retry, or never joined).
 */
async function release(ctx: ActionContext, chainId: string, key: string, who: 'member' | 'leader'): Promise<number> {
  const now = ctx.now()
  for (let round = 0; round < JOIN_ROUNDS; round++) {
    const state = await heldBy(ctx.db, chainId, key)
    if (!state.exists) throw new AppError('NOT_FOUND', CHAIN_MISSING)
    if (state.held <= 0) return 0
    const released = who === 'member'
      ? await releaseEntry(ctx.db, { chainId, key, held: state.held, statuses: ['draft', 'open'], deadlineAfter: now })
      : await releaseEntry(ctx.db, { chainId, key, held: state.held, statuses: ['draft', 'open', 'closed', 'formed'] })
    if (released) return state.held
    if (who === 'member' && (!['draft', 'open'].includes(state.status ?? '') || (state.deadline && new Date(state.deadline).getTime() <= now.getTime()))) {
      throw new AppError('CHAIN_CLOSED', '接龙已截止，不能再取消，请联系团长')
    }
    if (who === 'leader' && !['draft', 'open', 'closed', 'formed'].includes(state.status ?? '')) throw new AppError('CONFLICT', '接龙已结束，不能再移除')
  }
  throw new AppError('CONFLICT', BUSY)
}

export const joinActions = {
  join: action({ input: chainSchemas.join, handler: (input, ctx) => join(input, ctx) }),

  /**
   * Her entry cancelled before the deadline: quantity, allowance and any first-N gift place given
   * back in one conditional update; a retry gives back nothing more.
   */
  cancel: action({
    input: chainSchemas.cancel,
    handler: async (input, ctx) => {
      const key = entryKey(input.chainId, ctx.openid)
      const released = await release(ctx, input.chainId, key, 'member')
      // the mark is for lists; the chain is the truth (a retry writes it if this one stopped here)
      if (released > 0 || (await findEntry(ctx.db, key))) await markCancelled(ctx.db, key, 'member', ctx.now())
      return { entryId: key, status: 'cancelled' as const, released }
    },
  }),

  setAddress: action({
    input: chainSchemas.setAddress,
    handler: async (input, ctx) => {
      const key = entryKey(input.chainId, ctx.openid)
      if (!(await setEntryAddress(ctx.db, key, input.address))) {
        const entry = await findEntry(ctx.db, key)
        if (!entry) throw new AppError('NOT_FOUND', '你还没有参加这个接龙')
        throw new AppError('CONFLICT', '已经发货了，地址不能再改，请联系团长')
      }
      return { entryId: key, hasAddress: true as const }
    },
  }),

  /** A leader cancels an entry: claimed first (never once shipped), then its quantity given back. */
  removeEntry: action({
    input: chainSchemas.removeEntry,
    handler: async (input, ctx) => {
      const entry = await findEntry(ctx.db, input.entryId)
      if (!entry) throw new AppError('NOT_FOUND', '接龙记录不存在')
      if (entry.shippedAt || !(await claimRemoval(ctx.db, entry._id, ctx.now()))) throw new AppError('CONFLICT', '已经发货了，不能移除')
      const released = await release(ctx, entry.chainId, entry._id, 'leader')
      return { entryId: entry._id, status: 'cancelled' as const, released }
    },
  }),
}
