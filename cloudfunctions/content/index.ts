// content: the community's daily value — posts, expert Q&A, growth diaries and diary contests.
import { createRouter, type ActionTable } from '../../server/router'
import { contestCloseActions } from './contest-close'
import { diaryActions } from './diary'
import { postActions } from './posts'
import { qaActions } from './qa'

// checked against the contract in domain/api.ts: a renamed field or a missing action stops the build
export const actions = { ...postActions, ...qaActions, ...diaryActions, ...contestCloseActions } satisfies ActionTable<'content'>

export const main = createRouter('content', actions)
