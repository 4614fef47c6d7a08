// Fulfilment of formed chains (leaders), one function per action.
import type { ShipInput } from '../../domain/schemas/order'
import { call } from './cloud'

/** 发货: one courier and tracking number for the entries given. */
export const shipEntries = (input: ShipInput) => call('order', 'ship', input)

/** 签收 */
export const deliverEntries = (entryIds: string[]) => call('order', 'deliver', { entryIds })
