// trace: per-can trace codes — leaders import batches, anyone looks a code up.
import { createRouter, type ActionTable } from '../../server/router'
import { importActions } from './import'
import { lookupActions } from './lookup'

// checked against the contract in domain/api.ts: a renamed field or a missing action stops the build
export const actions = { ...importActions, ...lookupActions } satisfies ActionTable<'trace'>

export const main = createRouter('trace', actions)
