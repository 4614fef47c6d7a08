// Chains: leaders create, edit (before anyone may join), and close them; members list and open them.
import {
  canSeeChain, isEditable, isKoc, joinList, kocOpenAtFor, MAX_AHEAD_MS, toChainView, toMyEntryView, type ChainDetailView, type ChainRecord,
} from '../../domain/chain'
import { visibleTagsFor } from '../../domain/content'
import { AppError } from '../../domain/errors'
import { amountIssues, chainSchemas, type CreateChainParams, type UpdateChainParams } from '../../domain/schemas/chain'
import type { Database } from '../../server/cloud'
import { findEntry } from '../../server/collections/chain-entries'
import { closeChain, entryKey, findChain, findChainForView, insertChain, pageOpenChains, updateDraft } from '../../server/collections/chains'
import { findLive } from '../../server/collections/lives'
import { toPage } from '../../server/collections/paging'
import { assertSafeText, SCENE } from '../../server/content-check'
import { recordIdFor } from '../../server/request-ids'
import { action, type ActionContext } from '../../server/router'
import { settle } from './settle'

export const CHAIN_MISSING = '接龙不存在或已被删除'

/** Every text a member will read passes the content check, tag names included. */
const textsOf = (input: Partial<UpdateChainParams>) => [input.title, input.product, input.spec ?? undefined, input.unit, input.firstNGift?.gift, ...(input.targetTags ?? [])]

function assertTimes(openAt: Date, deadline: Date, now: Date, openAtGiven: boolean): void {
  if (openAtGiven && openAt.getTime() <= now.getTime()) throw new AppError('BAD_INPUT', '开始时间：应晚于现在（立即开始请不填）')
  if (deadline.getTime() <= openAt.getTime()) throw new AppError('BAD_INPUT', '截止时间：应晚于开始时间')
  if (deadline.getTime() > now.getTime() + MAX_AHEAD_MS) throw new AppError('BAD_INPUT', '截止时间：最多 90 天后')
}

async function assertLive(db: Database, liveId: string | null | undefined): Promise<void> {
  if (liveId && !(await findLive(db, liveId))) throw new AppError('NOT_FOUND', '关联的直播不存在')
}

/** The chain if she may see it; NOT_FOUND otherwise, as if it did not exist. */
export async function visibleChain(ctx: ActionContext, id: string): Promise<ChainRecord> {
  const chain = await findChainForView(ctx.db, id)
  if (!chain || !canSeeChain(chain, { roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] })) throw new AppError('NOT_FOUND', CHAIN_MISSING)
  return chain
}

function newChain(input: CreateChainParams, ctx: ActionContext, now: Date): Omit<ChainRecord, '_id'> {
  const openAt = input.openAt ? new Date(input.openAt) : now
  const deadline = new Date(input.deadline)
  assertTimes(openAt, deadline, now, input.openAt !== undefined)
  const targetTags = [...new Set(input.targetTags ?? [])]
  // opening at once leaves no time for a KOC window
  const kocEarlyMinutes = input.openAt ? input.kocEarlyMinutes : 0
  return {
    title: input.title,
    product: input.product,
    ...(input.spec ? { spec: input.spec } : {}),
    unit: input.unit,
    ...(input.coverFileID ? { coverFileID: input.coverFileID } : {}),
    priceFen: input.priceFen,
    ...(input.originalPriceFen !== undefined ? { originalPriceFen: input.originalPriceFen } : {}),
    quota: input.quota,
    perPersonLimit: input.perPersonLimit,
    openAt,
    kocEarlyMinutes,
    kocOpenAt: kocOpenAtFor(openAt, kocEarlyMinutes),
    deadline,
    minToForm: input.minToForm,
    ...(input.firstNGift ? { firstNGift: input.firstNGift } : {}),
    ...(input.liveId ? { liveId: input.liveId } : {}),
    targetTags,
    targeted: targetTags.length > 0,
    promises: [...new Set(input.promises)],
    status: input.openAt ? 'draft' : 'open',
    sold: 0,
    remaining: input.quota,
    buyers: 0,
    order: [],
    held: {},
    counted: [],
    createdBy: ctx.openid,
    createdAt: now,
    ...(input.openAt ? {} : { openedAt: now }),
  }
}

/** The stored change for an edit of a draft: only the fields given, checked against what stays. */
function draftChanges(db: Database, input: UpdateChainParams, chain: ChainRecord, now: Date): Record<string, unknown> {
  const _ = db.command
  const merged = {
    priceFen: input.priceFen ?? chain.priceFen,
    originalPriceFen: input.originalPriceFen === undefined ? chain.originalPriceFen : input.originalPriceFen,
    quota: input.quota ?? chain.quota,
    perPersonLimit: input.perPersonLimit ?? chain.perPersonLimit,
    minToForm: input.minToForm ?? chain.minToForm,
    firstNGift: input.firstNGift === undefined ? chain.firstNGift : input.firstNGift,
  }
  const issue = amountIssues(merged)
  if (issue) throw new AppError('BAD_INPUT', issue.message)
  const openAt = input.openAt ? new Date(input.openAt) : new Date(chain.openAt)
  const deadline = input.deadline ? new Date(input.deadline) : new Date(chain.deadline)
  const kocEarlyMinutes = input.kocEarlyMinutes ?? chain.kocEarlyMinutes
  if (input.openAt || input.deadline) assertTimes(openAt, deadline, now, input.openAt !== undefined)
  const data: Record<string, unknown> = {}
  for (const key of ['title', 'product', 'unit', 'priceFen', 'perPersonLimit', 'minToForm'] as const) if (input[key] !== undefined) data[key] = input[key]
  for (const key of ['spec', 'coverFileID', 'originalPriceFen', 'liveId'] as const) {
    if (input[key] === null) data[key] = _.remove()
    else if (input[key] !== undefined) data[key] = input[key]
  }
  if (input.firstNGift === null) data.firstNGift = _.remove()
  else if (input.firstNGift) data.firstNGift = _.set(input.firstNGift)
  if (input.quota !== undefined) {
    // nobody could join a draft yet: nothing is sold
    data.quota = input.quota
    data.remaining = input.quota
  }
  if (input.targetTags !== undefined) {
    const tags = [...new Set(input.targetTags)]
    data.targetTags = _.set(tags)
    data.targeted = tags.length > 0
  }
  if (input.promises !== undefined) data.promises = _.set([...new Set(input.promises)])
  if (input.openAt !== undefined || input.deadline !== undefined || input.kocEarlyMinutes !== undefined) {
    data.openAt = openAt
    data.deadline = deadline
    data.kocEarlyMinutes = kocEarlyMinutes
    data.kocOpenAt = kocOpenAtFor(openAt, kocEarlyMinutes)
  }
  return data
}

export const chainActions = {
  create: action({
    input: chainSchemas.create,
    handler: async (input, ctx) => {
      const now = ctx.now()
      const chain = newChain(input, ctx, now)
      await assertLive(ctx.db, input.liveId)
      await assertSafeText(ctx.cloud, ctx.openid, textsOf({ ...input, targetTags: chain.targetTags }), SCENE.forum)
      return { id: await insertChain(ctx.db, chain, recordIdFor(ctx.openid, 'chain.create', input.requestId)) }
    },
  }),

  update: action({
    input: chainSchemas.update,
    handler: async (input, ctx) => {
      const now = ctx.now()
      const chain = await findChainForView(ctx.db, input.id)
      if (!chain) throw new AppError('NOT_FOUND', CHAIN_MISSING)
      if (!isEditable(chain, now)) throw new AppError('CONFLICT', '接龙已开始，不能再修改')
      const data = draftChanges(ctx.db, input, chain, now)
      await assertLive(ctx.db, input.liveId)
      await assertSafeText(ctx.cloud, ctx.openid, textsOf(input), SCENE.forum)
      // the status and the (KOC) open time are in the write's query: a join cannot have happened
      if (!(await updateDraft(ctx.db, input.id, now, data))) throw new AppError('CONFLICT', '接龙已开始，不能再修改')
      const after = await findChainForView(ctx.db, input.id)
      if (!after) throw new AppError('NOT_FOUND', CHAIN_MISSING)
      return toChainView(after, now)
    },
  }),

  close: action({
    input: chainSchemas.close,
    handler: async (input, ctx) => {
      const now = ctx.now()
      if (!(await closeChain(ctx.db, input.chainId, 'leader', now))) {
        const chain = await findChain(ctx.db, input.chainId)
        if (!chain) throw new AppError('NOT_FOUND', CHAIN_MISSING)
        // closed already (by the timer, another leader, or this request's first attempt): decide it if
        // that did not finish, and answer the same
      }
      const settled = await settle(ctx.db, input.chainId, now)
      if (!settled) throw new AppError('NOT_FOUND', CHAIN_MISSING)
      return settled
    },
  }),

  get: action({
    input: chainSchemas.get,
    handler: async (input, ctx): Promise<ChainDetailView> => {
      const now = ctx.now()
      const chain = await visibleChain(ctx, input.id)
      const key = entryKey(chain._id, ctx.openid)
      const from = (input.page - 1) * input.pageSize
      const view: ChainDetailView = { ...toChainView(chain, now), entries: joinList(chain, from, input.pageSize), page: input.page, pageSize: input.pageSize }
      if ((chain.held[key] ?? 0) > 0) {
        const entry = await findEntry(ctx.db, key)
        view.mine = toMyEntryView(chain, entry ?? { _id: key, joinedAt: now }, now, isKoc(ctx.caller.roles))
      }
      return view
    },
  }),

  list: action({
    input: chainSchemas.list,
    handler: async (input, ctx) => {
      const now = ctx.now()
      const tags = visibleTagsFor({ roles: ctx.caller.roles, tags: ctx.member?.tags ?? [] })
      return toPage(await pageOpenChains(ctx.db, tags, now, input), input, (c) => toChainView(c, now))
    },
  }),
}
