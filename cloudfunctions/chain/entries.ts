// Reading entries: a leader's full list for packing (the only place besides customer service where a
// full phone number appears), and a mother's own entries across chains.
import { isKoc, toLeaderEntryView, toMyEntryView, type ChainEntryRecord, type LeaderEntryView } from '../../domain/chain'
import { AppError } from '../../domain/errors'
import type { MemberRecord } from '../../domain/member'
import { chainSchemas } from '../../domain/schemas/chain'
import type { Database } from '../../server/cloud'
import { entriesByIds, pageCancelledEntries, pageMemberEntries } from '../../server/collections/chain-entries'
import { chainsByIds, findChainForView } from '../../server/collections/chains'
import { MEMBERS } from '../../server/collections/members'
import { action } from '../../server/router'
import { CHAIN_MISSING } from './chains'

async function phonesOf(db: Database, openids: string[]): Promise<Map<string, string>> {
  if (openids.length === 0) return new Map()
  const _ = db.command
  const res = (await db.collection(MEMBERS).where({ _id: _.in(openids) }).field({ phone: true }).limit(openids.length).get()) as unknown as { data: Pick<MemberRecord, '_id' | 'phone'>[] }
  return new Map(res.data.map((m) => [m._id, m.phone ?? '']))
}

export const entryActions = {
  /**
   * Live entries in join order (a page of the chain's line), or cancelled ones, with her name, phone
   * (the delivery address's, else her profile's) and address in full.
   */
  entries: action({
    input: chainSchemas.entries,
    handler: async (input, ctx) => {
      const chain = await findChainForView(ctx.db, input.chainId)
      if (!chain) throw new AppError('NOT_FOUND', CHAIN_MISSING)
      const from = (input.page - 1) * input.pageSize
      let records: ChainEntryRecord[]
      let total: number
      if (input.status === 'live') {
        const line = chain.order.slice(from, from + input.pageSize)
        const found = await entriesByIds(ctx.db, line.map((o) => o.k))
        // a line whose entry is not written yet (its join is still finishing) shows the masked name
        records = line.map((o) => found.get(o.k) ?? { _id: o.k, chainId: chain._id, openid: '', name: o.n, joinedAt: chain.createdAt })
        total = chain.order.length
      } else {
        const page = await pageCancelledEntries(ctx.db, chain._id, input)
        records = page.items.filter((e) => !(chain.held[e._id] > 0))
        total = page.total
      }
      const phones = await phonesOf(ctx.db, [...new Set(records.map((e) => e.openid).filter(Boolean))])
      const items: LeaderEntryView[] = records.map((e) => toLeaderEntryView(chain, e, phones.get(e.openid) ?? ''))
      return { items, total, page: input.page, pageSize: input.pageSize }
    },
  }),

  /** Her entries, newest first, each with its status and the actions she may take. */
  mine: action({
    input: chainSchemas.mine,
    handler: async (input, ctx) => {
      const now = ctx.now()
      const page = await pageMemberEntries(ctx.db, ctx.openid, input)
      const chains = await chainsByIds(ctx.db, [...new Set(page.items.map((e) => e.chainId))])
      const koc = isKoc(ctx.caller.roles)
      const items = page.items.flatMap((e) => {
        const chain = chains.get(e.chainId)
        return chain ? [toMyEntryView(chain, e, now, koc)] : []
      })
      return { items, total: page.total, page: input.page, pageSize: input.pageSize }
    },
  }),
}
