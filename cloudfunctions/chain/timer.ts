// The chain timer (every minute): opens the drafts whose open time has come, then closes and decides
// the chains whose deadline has passed (and any closed one a stopped run left undecided). Joins never
// wait for it: their condition names the open time and the deadline itself.
import { closeChain, dueToSettle, openDueChains } from '../../server/collections/chains'
import type { TimerContext } from '../../server/router'
import { settle } from './settle'

/** Stop starting new chains after this long; the rest wait for the next run. */
const BUDGET_MS = 40_000

export interface ChainTimerStats {
  opened: number
  formed: number
  failed: number
}

export async function runChainTimer(ctx: TimerContext, budgetMs = BUDGET_MS): Promise<ChainTimerStats> {
  const deadline = Date.now() + budgetMs
  const now = ctx.now()
  const stats: ChainTimerStats = { opened: await openDueChains(ctx.db, now), formed: 0, failed: 0 }
  for (const chain of await dueToSettle(ctx.db, now)) {
    if (Date.now() > deadline) break
    if (chain.status !== 'closed') await closeChain(ctx.db, chain._id, 'deadline', now)
    const settled = await settle(ctx.db, chain._id, now)
    if (settled?.status === 'formed') stats.formed++
    if (settled?.status === 'failed') stats.failed++
  }
  if (stats.opened + stats.formed + stats.failed > 0) console.log(`chains: opened ${stats.opened}, formed ${stats.formed}, failed ${stats.failed}`)
  return stats
}
