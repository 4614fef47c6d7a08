// Buy chains (接龙), one function per action, so pages never spell action names or inputs. A join
// and a create carry one requestId per submit (see request-id.ts): a join resent after a lost answer
// answers the same entry and never joins twice.
import type { CreateChainInput, JoinChainInput, UpdateChainInput } from '../../domain/schemas/chain'
import type { DeliveryAddress } from '../../domain/chain'
import { call } from './cloud'
import { submitOnce } from './request-id'

export const createChain = (input: Omit<CreateChainInput, 'requestId'>) => submitOnce((requestId) => call('chain', 'create', { ...input, requestId }))

export const updateChain = (input: UpdateChainInput) => call('chain', 'update', input)

export const closeChain = (chainId: string) => call('chain', 'close', { chainId })

/** The chain page: one page of the masked join list, and her own entry when she holds one. */
export const fetchChain = (id: string, page = 1, pageSize = 50) => call('chain', 'get', { id, page, pageSize })

/** Drafts and open chains she may see, soonest deadline first. */
export const fetchChains = (page: number, pageSize = 20) => call('chain', 'list', { page, pageSize })

/** 我要接龙 (or 加购: the same call raises her quantity up to the limit). */
export const joinChain = (input: Omit<JoinChainInput, 'requestId'>) => submitOnce((requestId) => call('chain', 'join', { ...input, requestId }))

export const cancelEntry = (chainId: string) => call('chain', 'cancel', { chainId })

export const setEntryAddress = (chainId: string, address: DeliveryAddress) => call('chain', 'setAddress', { chainId, address })

/** 我的订单 */
export const fetchMyEntries = (page: number, pageSize = 20) => call('chain', 'mine', { page, pageSize })

/** Leaders: live entries in join order (or cancelled ones), with phone and address in full. */
export const fetchChainEntries = (chainId: string, status: 'live' | 'cancelled' = 'live') => (page: number, pageSize = 50) =>
  call('chain', 'entries', { chainId, status, page, pageSize })

export const removeEntry = (entryId: string) => call('chain', 'removeEntry', { entryId })
