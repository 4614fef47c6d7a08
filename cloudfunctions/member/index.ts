// member: admission, the member directory, roles, tags and her own data.
import { describeMe } from '../../domain/member'
import { memberSchemas } from '../../domain/schemas/member'
import { action, createRouter, type ActionTable } from '../../server/router'
import { apply } from './apply'
import { refreshTags } from './daily-tags'
import { list, setRoles, tag } from './directory'
import { exportFiles } from './export-files'
import { landing } from './landing'
import { deleteAccount, exportData } from './privacy'
import { pending, review } from './review'
import { tagsInUse } from './tags-in-use'

// checked against the contract in domain/api.ts: a renamed field or a missing action stops the build
export const actions = {
  landing: action({ input: memberSchemas.landing, handler: landing }),
  me: action({ input: memberSchemas.me, handler: async (_input, ctx) => describeMe(ctx.openid, ctx.member, ctx.now()) }),
  apply: action({ input: memberSchemas.apply, handler: apply }),
  review: action({ input: memberSchemas.review, handler: review }),
  pending: action({ input: memberSchemas.pending, handler: pending }),
  list: action({ input: memberSchemas.list, handler: list }),
  tag: action({ input: memberSchemas.tag, handler: tag }),
  tagsInUse: action({ input: memberSchemas.tagsInUse, handler: tagsInUse }),
  setRoles: action({ input: memberSchemas.setRoles, handler: setRoles }),
  export: action({ input: memberSchemas.export, handler: exportData }),
  exportFiles: action({ input: memberSchemas.exportFiles, handler: exportFiles }),
  deleteAccount: action({ input: memberSchemas.deleteAccount, handler: deleteAccount }),
} satisfies ActionTable<'member'>

export const main = createRouter('member', actions, { onTimer: (ctx) => refreshTags(ctx) })
