// order: fulfilment of formed chains — entries shipped and delivered in bulk by a leader.
import { createRouter, type ActionTable } from '../../server/router'
import { orderActions } from './fulfil'

// checked against the contract in domain/api.ts: a renamed field or a missing action stops the build
export const actions = { ...orderActions } satisfies ActionTable<'order'>

export const main = createRouter('order', actions)
