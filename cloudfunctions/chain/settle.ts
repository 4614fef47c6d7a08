// Closing a chain and deciding it: formed (enough sold; the first-N gift holders fixed) or failed
// (below the minimum: every entry cancelled). Shared by a leader's early close and the timer.
//
// Before deciding, any line in `order` without an entry document is given back: that is a join
// whose function died between the chain's update and the entry's insert and was never resent (a
// resend would have written it). Nobody is known to hold those cans, so they are not sold.
import { giftHolders, settleOutcome, type ChainRecord } from '../../domain/chain'
import type { Database } from '../../server/cloud'
import { entriesByIds } from '../../server/collections/chain-entries'
import { findChainForView, releaseEntry, settleChain } from '../../server/collections/chains'

const SLICE = 100

async function releaseOrphans(db: Database, chain: ChainRecord): Promise<boolean> {
  let released = false
  for (let i = 0; i < chain.order.length; i += SLICE) {
    const keys = chain.order.slice(i, i + SLICE).map((o) => o.k)
    const found = await entriesByIds(db, keys)
    for (const key of keys) {
      if (found.has(key)) continue
      const held = chain.held[key] ?? 0
      if (held > 0) released = (await releaseEntry(db, { chainId: chain._id, key, held, statuses: ['closed'] })) || released
    }
  }
  return released
}

/**
 * Decides a closed chain; answers its status and sold afterwards. A removal landing in between makes
 * the decision's condition fail: read again and decide again (a few rounds at most).
 */
export async function settle(db: Database, id: string, now: Date): Promise<Pick<ChainRecord, 'status' | 'sold'> | null> {
  for (let round = 0; round < 5; round++) {
    let chain = await findChainForView(db, id)
    if (!chain) return null
    if (chain.status !== 'closed') return { status: chain.status, sold: chain.sold }
    if (await releaseOrphans(db, chain)) {
      chain = await findChainForView(db, id)
      if (!chain || chain.status !== 'closed') continue
    }
    const outcome = settleOutcome(chain)
    const gifted = chain.firstNGift ? [...giftHolders(chain)] : undefined
    if (await settleChain(db, chain, outcome, gifted, now)) return { status: outcome, sold: chain.sold }
  }
  const last = await findChainForView(db, id)
  return last ? { status: last.status, sold: last.sold } : null
}
