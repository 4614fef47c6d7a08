// Shipping and delivering chain entries in bulk. Only live entries of a formed chain ship; each
// update's query carries the rest (not shipped yet, not removed; shipped before delivered), so a
// repeated call, or two leaders at once, count each entry once. The follow-up call a delivery
// schedules (ARCHITECTURE: three days later) belongs to the follow-up feature and is not written here.
import type { ChainEntryRecord } from '../../domain/chain'
import { orderSchemas } from '../../domain/schemas/order'
import type { Database } from '../../server/cloud'
import { entriesByIds, markDelivered, markShipped, undelivered } from '../../server/collections/chain-entries'
import { chainsByIds, markFulfilled } from '../../server/collections/chains'
import { action } from '../../server/router'

/** The entries given that are live on a formed chain, grouped with their chain's live keys. */
async function liveEntries(db: Database, ids: string[]): Promise<{ live: ChainEntryRecord[]; liveKeysByChain: Map<string, string[]> }> {
  const entries = [...(await entriesByIds(db, [...new Set(ids)])).values()]
  const chains = await chainsByIds(db, [...new Set(entries.map((e) => e.chainId))])
  const live = entries.filter((e) => {
    const chain = chains.get(e.chainId)
    return chain !== undefined && (chain.status === 'formed' || chain.status === 'fulfilled') && (chain.held[e._id] ?? 0) > 0
  })
  const liveKeysByChain = new Map([...chains.values()].map((c) => [c._id, Object.keys(c.held).filter((k) => c.held[k] > 0)]))
  return { live, liveKeysByChain }
}

export const orderActions = {
  ship: action({
    input: orderSchemas.ship,
    handler: async (input, ctx) => {
      const { live } = await liveEntries(ctx.db, input.entryIds)
      const data = { ...(input.courier ? { courier: input.courier } : {}), ...(input.trackingNo ? { trackingNo: input.trackingNo } : {}) }
      return { shipped: await markShipped(ctx.db, live.map((e) => e._id), data, ctx.now()) }
    },
  }),

  /** Marks shipped entries delivered; a chain whose every live entry is delivered is fulfilled. */
  deliver: action({
    input: orderSchemas.deliver,
    handler: async (input, ctx) => {
      const now = ctx.now()
      const { live, liveKeysByChain } = await liveEntries(ctx.db, input.entryIds)
      const delivered = await markDelivered(ctx.db, live.map((e) => e._id), now)
      for (const chainId of new Set(live.map((e) => e.chainId))) {
        if ((await undelivered(ctx.db, liveKeysByChain.get(chainId) ?? [])) === 0) await markFulfilled(ctx.db, chainId, now)
      }
      return { delivered }
    },
  }),
}
