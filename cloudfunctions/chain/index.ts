// chain: buy chains (接龙) — leaders create, edit, close and manage entries; members list, open, join
// and cancel; a timer opens and closes them on time.
import { createRouter, type ActionTable } from '../../server/router'
import { chainActions } from './chains'
import { entryActions } from './entries'
import { joinActions } from './join'
import { runChainTimer } from './timer'

// checked against the contract in domain/api.ts: a renamed field or a missing action stops the build
export const actions = { ...chainActions, ...joinActions, ...entryActions } satisfies ActionTable<'chain'>

export const main = createRouter('chain', actions, { onTimer: (ctx) => runChainTimer(ctx) })
