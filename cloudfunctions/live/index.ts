// live: live previews with their evidence, reminders, and the questions curated on air.
import { createRouter, type ActionTable } from '../../server/router'
import { liveActions } from './lives'
import { sendLiveNotices } from './notify'
import { questionActions } from './questions'
import { remindActions } from './remind'

// checked against the contract in domain/api.ts: a renamed field or a missing action stops the build
export const actions = { ...liveActions, ...remindActions, ...questionActions } satisfies ActionTable<'live'>

export const main = createRouter('live', actions, { onTimer: (ctx) => sendLiveNotices(ctx) })
