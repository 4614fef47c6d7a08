// The typed contract between the app and the cloud functions: function → action → input/output.
// The app's client (src/services/) and the functions' routers are both checked against it.
import type { MeView } from './member'
import type { ApplyInput, ReviewInput } from './schemas/member'
import type { MemberStatus } from './roles'

export interface Api {
  member: {
    me: { input: Record<string, never>; output: MeView }
    apply: { input: ApplyInput; output: { status: 'pending' } }
    review: { input: ReviewInput; output: { status: MemberStatus } }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I } ? I : never
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O } ? O : never
