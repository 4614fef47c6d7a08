// member: admission and the caller's own profile.
import { describeMe } from '../../domain/member'
import { memberSchemas } from '../../domain/schemas/member'
import { action, createRouter } from '../../server/router'

export const actions = {
  me: action({
    input: memberSchemas.me,
    handler: async (_input, ctx) => describeMe(ctx.openid, ctx.member, ctx.now()),
  }),
}

export const main = createRouter('member', actions)
