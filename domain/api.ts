// The typed contract between the app and the cloud functions: function → action → input/output.
// Both sides are checked against it by the compiler: the app's client (src/services/cloud.ts `call`)
// takes and answers these types, and each function's action table is declared
// `satisfies ActionTable<F>` (server/router.ts), so a handler answering another shape, a schema
// accepting another input or a missing action fails `tsc`. tests/unit/api-types.test.ts proves it.
import type { MemberSummary, MeView, Page, TagInUse } from './member'
import type { ApplyInput, DeleteAccountInput, ListInput, PendingInput, ReviewInput, SetRolesInput, TagInput } from './schemas/member'
import type { MemberStatus, Role } from './roles'
import type { ContestView, DiaryView, PostView, QuestionView, RankedDiary } from './content'
import type {
  AnswerInput, AskInput, CloseContestInput, CreateContestInput, DeleteDiaryInput, DeleteQuestionInput, DiariesInput, EditDiaryInput, EditPostInput,
  EditQuestionInput, FeedInput, LikeInput, PostDiaryInput, PostInput, PublishPostInput, QuestionsInput, RankingInput, RemovePostInput, UnansweredInput,
} from './schemas/content'

import type { LiveDetailView, LiveQuestionStaffView, LiveQuestionState, LiveQuestionView, LiveView } from './live'
import type {
  AskLiveInput, CancelLiveInput, CreateLiveInput, CurateInput, FinishLiveInput, GetLiveInput, LiveQaInput, LiveQuestionsInput, LivesByStatusInput, RemindInput,
  UpdateLiveInput,
} from './schemas/live'
import type { ImportReport, TraceLookupView } from './trace'
import type { ImportCodesInput, LookupInput } from './schemas/trace'
import type { ChainDetailView, ChainStatus, ChainView, LeaderEntryView, MyEntryView } from './chain'
import type {
  CancelEntryInput, ChainEntriesInput, CloseChainInput, CreateChainInput, GetChainInput, JoinChainInput, ListChainsInput, MyEntriesInput, RemoveEntryInput,
  SetAddressInput, UpdateChainInput,
} from './schemas/chain'
import type { DeliverInput, ShipInput } from './schemas/order'

type NoInput = Record<string, never>

export interface MemberExport {
  exportedAt: string
  profile: Record<string, unknown> | null
  /** everything else we keep about her, by collection */
  content: Record<string, Record<string, unknown>[]>
}

/** A file in cloud storage with a temporary link to it. */
export interface ExportedFile {
  fileID: string
  url: string
}

/** Her data as files: a readable Chinese page and the machine-readable JSON, links valid until `linksValidUntil`. */
export interface MemberExportFiles {
  exportedAt: string
  linksValidUntil: string
  summary: ExportedFile
  data: ExportedFile
}

/** What a visitor sees before applying: the promises are in domain/labels.ts, the gift is configured. */
export interface LandingView {
  guide: { title: string; fileID: string } | null
}

export interface Api {
  member: {
    me: { input: NoInput; output: MeView }
    landing: { input: NoInput; output: LandingView }
    apply: { input: ApplyInput; output: { status: 'pending' } }
    review: { input: ReviewInput; output: { status: MemberStatus } }
    pending: { input: PendingInput; output: Page<MemberSummary> }
    list: { input: ListInput; output: Page<MemberSummary> }
    tag: { input: TagInput; output: { tags: string[]; manualTags: string[] } }
    setRoles: { input: SetRolesInput; output: { roles: Role[] } }
    export: { input: NoInput; output: MemberExport }
    exportFiles: { input: NoInput; output: MemberExportFiles }
    tagsInUse: { input: NoInput; output: { items: TagInUse[] } }
    deleteAccount: { input: DeleteAccountInput; output: { deleted: true } }
  }
  content: {
    publishPost: { input: PublishPostInput; output: { id: string } }
    feed: { input: FeedInput; output: Page<PostView> }
    ask: { input: AskInput; output: { id: string } }
    answer: { input: AnswerInput; output: { id: string; answeredAt: string } }
    questions: { input: QuestionsInput; output: Page<QuestionView> }
    unanswered: { input: UnansweredInput; output: Page<QuestionView> }
    postDiary: { input: PostDiaryInput; output: { id: string } }
    /** `counted` is false when she had already liked it: nothing changed. RATE_LIMITED past the hourly limit */
    like: { input: LikeInput; output: { liked: true; counted: boolean; likeCount: number } }
    diaries: { input: DiariesInput; output: Page<DiaryView> }
    createContest: { input: CreateContestInput; output: { id: string } }
    contests: { input: NoInput; output: { items: ContestView[] } }
    ranking: { input: RankingInput; output: { contest: ContestView; items: RankedDiary[] } }
    /** one post by id (a shared link), under the feed's visibility rule; NOT_FOUND when removed or not hers to see */
    post: { input: PostInput; output: PostView }
    /** only the fields given change; the post as it now reads */
    editPost: { input: EditPostInput; output: PostView }
    removePost: { input: RemovePostInput; output: { id: string; removed: true } }
    /** hers and still unanswered; CONFLICT once answered */
    editQuestion: { input: EditQuestionInput; output: { id: string; editedAt: string } }
    deleteQuestion: { input: DeleteQuestionInput; output: { id: string; deleted: true } }
    /** hers only (FORBIDDEN otherwise) */
    editDiary: { input: EditDiaryInput; output: { id: string; editedAt: string } }
    /** hers only; its likes go with it */
    deleteDiary: { input: DeleteDiaryInput; output: { id: string; deleted: true } }
    /** closes and announces the top 3; closing again answers the same winners and sends nothing */
    closeContest: { input: CloseContestInput; output: { contest: ContestView } }
  }
  live: {
    /** schedules the announcement (timer) to consenting targeted members and the reminder 10 minutes before */
    create: { input: CreateLiveInput; output: { id: string } }
    /** only the fields given change; the live as it now reads */
    update: { input: UpdateLiveInput; output: LiveView }
    cancel: { input: CancelLiveInput; output: { id: string; status: 'cancelled' } }
    /** after the live: replay and highlights; no more questions */
    finish: { input: FinishLiveInput; output: LiveView }
    /** upcoming (soonest first, on-air included), then recent (latest first) */
    list: { input: NoInput; output: { upcoming: LiveView[]; recent: LiveView[] } }
    /** the leaders' console: one status, cancelled included; scheduled soonest first, the others latest first */
    byStatus: { input: LivesByStatusInput; output: Page<LiveView> }
    get: { input: GetLiveInput; output: LiveDetailView }
    /** records the one-time consents she just gave; `reminded`: this live's reminder will reach her */
    remind: { input: RemindInput; output: { reminded: boolean; credits: { reminder: number; announce: number } } }
    ask: { input: AskLiveInput; output: { id: string } }
    /** what members see: picked and answered questions, oldest first */
    qa: { input: LiveQaInput; output: Page<LiveQuestionView> }
    /** the leaders' queue, oldest first, optionally one state */
    questions: { input: LiveQuestionsInput; output: Page<LiveQuestionStaffView> }
    curate: { input: CurateInput; output: { id: string; state: LiveQuestionState } }
  }
  trace: {
    importCodes: { input: ImportCodesInput; output: ImportReport }
    lookup: { input: LookupInput; output: TraceLookupView }
  }
  chain: {
    /** open at once without `openAt`, else a draft until then */
    create: { input: CreateChainInput; output: { id: string } }
    /** a draft only, until anyone (a KOC included) may join; the chain as it now reads */
    update: { input: UpdateChainInput; output: ChainView }
    /** stops the joins and decides it: formed, or failed below the minimum */
    close: { input: CloseChainInput; output: { status: ChainStatus; sold: number } }
    /** price, quota, deadline, promises, gift rule, one page of the masked join list, and hers */
    get: { input: GetChainInput; output: ChainDetailView }
    /** drafts and open chains before their deadline that she may see, soonest deadline first */
    list: { input: ListChainsInput; output: Page<ChainView> }
    /** the same requestId answers the same entry; another raises her quantity up to the limit */
    join: { input: JoinChainInput; output: { entryId: string; seq: number; qty: number; gift?: string } }
    /** before the deadline; `released` is what this call gave back (0 on a retry) */
    cancel: { input: CancelEntryInput; output: { entryId: string; status: 'cancelled'; released: number } }
    setAddress: { input: SetAddressInput; output: { entryId: string; hasAddress: true } }
    removeEntry: { input: RemoveEntryInput; output: { entryId: string; status: 'cancelled'; released: number } }
    /** leaders: live entries in join order (or cancelled ones) with name, phone and address in full */
    entries: { input: ChainEntriesInput; output: Page<LeaderEntryView> }
    /** hers, newest first, with status and the actions she may take */
    mine: { input: MyEntriesInput; output: Page<MyEntryView> }
  }
  order: {
    /** live entries of formed chains, not shipped yet; `shipped` counts those this call marked */
    ship: { input: ShipInput; output: { shipped: number } }
    /** shipped entries, once; a chain with every live entry delivered becomes fulfilled */
    deliver: { input: DeliverInput; output: { delivered: number } }
  }
}

export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
export type InputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { input: infer I } ? I : never
export type OutputOf<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends { output: infer O } ? O : never
