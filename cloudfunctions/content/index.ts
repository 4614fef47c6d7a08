// content: the community's daily value — posts, expert Q&A, growth diaries and diary contests.
import { createRouter } from '../../server/router'
import { diaryActions } from './diary'
import { postActions } from './posts'
import { qaActions } from './qa'

export const actions = { ...postActions, ...qaActions, ...diaryActions }

export const main = createRouter('content', actions)
