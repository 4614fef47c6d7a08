// The typed contract between the app and the cloud functions: function → action → input/output.
// The app's client (src/services/) and the functions' routers are both checked against it.
import type { MemberSummary, MeView, Page } from './member'
import type { ApplyInput, DeleteAccountInput, ListInput, PendingInput, ReviewInput, SetRolesInput, TagInput } from './schemas/member'
import type { MemberStatus, Role } from './roles'

type NoInput = Record<string, never>

export interface MemberExport {
  exportedAt: string
  profile: Record<string, unknown> | null
  /** everything else we keep about her, by collection */
  content: Record<string, Record<string, unknown>[]>
}

export interface Api {
  member: {
    me: { input: NoInput; output: MeView }
    apply: { input: ApplyInput; output: { status: 'pending' } }
    review: { input: ReviewInput; output: { status: MemberStatus } }
    pending: { input: PendingInput; output: Page<MemberSummary> }
    list: { input: ListInput; output: Page<MemberSummary> }
    tag: { input: TagInput; output: { tags: string[]; manualTags: string[] } }
    setRoles: { input: SetRolesInput; output: { roles: Role[] } }
    export: { input: NoInput; output: MemberExport }
    deleteAccount: { input: DeleteAccountInput; output: { deleted: true } }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I } ? I : never
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O } ? O : never
