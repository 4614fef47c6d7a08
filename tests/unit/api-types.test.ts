// Type-level proof that the action tables and the client's contract (domain/api.ts) are one source
// of truth. `tsc --noEmit -p .` checks this file: every `@ts-expect-error` below must find an error,
// so if the compiler stopped catching a drift, the unused directive itself fails the type check.
import type { OutputOf } from '../../domain/api'
import { contentSchemas } from '../../domain/schemas/content'
import { memberSchemas } from '../../domain/schemas/member'
import { actions as contentActions } from '../../cloudfunctions/content/index'
import { action, type ActionTable } from '../../server/router'

// a like handler that renamed its output field `likeCount` → `likes`
const renamedOutput = {
  ...contentActions,
  like: action({ input: contentSchemas.like, handler: async () => ({ liked: true as const, counted: true, likes: 1 }) }),
}
// @ts-expect-error the renamed output field no longer matches the contract
renamedOutput satisfies ActionTable<'content'>

// a like action whose schema accepts another input
const otherInput = { ...contentActions, like: action({ input: contentSchemas.ranking, handler: async () => ({ liked: true as const, counted: true, likeCount: 1 }) }) }
// @ts-expect-error the schema's input is not the contract's input
otherInput satisfies ActionTable<'content'>

// a table missing an action
const { like: _dropped, ...missing } = contentActions
// @ts-expect-error every action of the contract must be in the table
missing satisfies ActionTable<'content'>

// the real table satisfies it (this line must compile)
contentActions satisfies ActionTable<'content'>

// handlers take the schema's parsed output: defaults are filled, so `page` is a number, not optional
action({ input: memberSchemas.pending, handler: async (input) => ({ page: input.page + 1 }) })
// @ts-expect-error a handler declaring an input the schema does not produce
action({ input: memberSchemas.pending, handler: async (input: { cursor: string }) => input.cursor })

// the client's typed call, as a type only (this test never talks to a backend)
declare const call: typeof import('../../src/services/cloud').call

export function clientSide() {
  // @ts-expect-error the client cannot send a field the action's schema does not take
  void call('content', 'like', { diaryId: 'd1' })
  // @ts-expect-error nor leave out one it requires
  void call('content', 'ask', {})
  // @ts-expect-error nor call an action that does not exist
  void call('content', 'likeAll', {})
  const read = (out: OutputOf<'content', 'like'>) => out.likeCount
  // @ts-expect-error nor read an output field the contract does not have
  const wrong = (out: OutputOf<'content', 'like'>) => out.likes
  return [read, wrong]
}

test('the type-level checks above are compiled by tsc (this file is in tsconfig include)', () => {
  expect(typeof clientSide).toBe('function')
})
