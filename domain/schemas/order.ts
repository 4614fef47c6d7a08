import { z } from 'zod'
import { docId, line } from './common'

const entryIds = z.array(docId).min(1, '请至少选择一条接龙记录').max(100, '一次最多 100 条')

export const orderSchemas = {
  /** one courier and tracking number for the batch (a parcel each: send one call per parcel) */
  ship: z.object({
    entryIds,
    courier: line().min(1).max(20, '快递公司最多 20 个字').optional(),
    trackingNo: line().regex(/^[A-Za-z0-9-]{4,40}$/, '快递单号应为 4–40 位字母、数字或 -').optional(),
  }).strict(),
  deliver: z.object({ entryIds }).strict(),
}

export type ShipInput = z.input<typeof orderSchemas.ship>
export type DeliverInput = z.input<typeof orderSchemas.deliver>
