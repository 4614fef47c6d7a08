// The community's daily value: posts, expert Q&A, growth diaries and diary contests.
// Pure rules over plain data; the `content` function and the pages both lean on them.
import { AppError } from './errors'
import { isStaff, type Caller } from './roles'

export type PostKind = 'tip' | 'expert'

export const POST_KIND_LABELS: Record<PostKind, string> = { tip: '每日干货', expert: '专家文章' }

/** A document of `posts`. `targeted` is stored so the feed query can say "untargeted" without `$size`. */
export interface PostRecord {
  _id: string
  title: string
  body: string
  kind: PostKind
  targetTags: string[]
  targeted: boolean
  coverFileID?: string
  authorOpenid: string
  authorName: string
  publishedAt: Date
  editedAt?: Date
}

export interface PostView {
  id: string
  title: string
  body: string
  kind: PostKind
  targetTags: string[]
  coverFileID?: string
  authorName: string
  publishedAt: string
}

/** A document of `questions`; `answer` is absent until a leader or expert answers. */
export interface QuestionRecord {
  _id: string
  question: string
  askedBy: string
  askedAt: Date
  answered: boolean
  answer?: string
  answeredBy?: string
  answeredByName?: string
  answeredAt?: Date
  editedAt?: Date
}

export interface QuestionView {
  id: string
  question: string
  askedAt: string
  answered: boolean
  answer?: string
  answeredByName?: string
  answeredAt?: string
  /** asked by the caller; other askers stay anonymous */
  mine: boolean
}

/**
 * A document of `diaries` (晒娃). `likeCount` counts every like; `rankedLikes` only likes by other
 * mothers (a contest ranks on it, so liking her own entry wins her nothing). Both move only in the
 * transaction that stores or removes the like.
 */
export interface DiaryRecord {
  _id: string
  openid: string
  authorName: string
  text: string
  photoFileID: string
  contestId?: string
  likeCount: number
  rankedLikes: number
  /** who has been counted in `likeCount`: the once-only guard of server/collections/likes.ts */
  likers?: string[]
  createdAt: Date
  editedAt?: Date
}

export interface DiaryView {
  id: string
  authorName: string
  text: string
  photoFileID: string
  contestId?: string
  likeCount: number
  likedByMe: boolean
  mine: boolean
  createdAt: string
}

/**
 * A place announced when a contest closes, copied from the entry at closing so the result stays
 * what was announced whatever happens to likes afterwards. Names no openid (the notice looks the
 * author up from the diary).
 */
export interface ContestWinner {
  rank: number
  diaryId: string
  authorName: string
  text: string
  photoFileID: string
  /** likes from other mothers at closing */
  rankedLikes: number
}

/**
 * A document of `contests`: a themed diary contest a leader runs until `deadline`, or until she
 * closes it (`closedAt`, with the `winners` announced then).
 */
export interface ContestRecord {
  _id: string
  title: string
  theme: string
  deadline: Date
  createdBy: string
  createdAt: Date
  closedAt?: Date
  winners?: ContestWinner[]
}

export interface ContestView {
  id: string
  title: string
  theme: string
  deadline: string
  open: boolean
  createdAt: string
  /** present once a leader has closed it and announced the winners */
  closedAt?: string
  winners?: ContestWinner[]
}

export interface RankedDiary extends DiaryView {
  rank: number
  /** likes from other mothers: what the ranking counts */
  rankedLikes: number
}

const iso = (d: Date | string): string => new Date(d).toISOString()

/** Staff see every post (they publish and check them); a staff role counts, a KOC role does not. */
export { isStaff }

/**
 * Which target tags a viewer's feed may include: `null` means every post (staff); otherwise the
 * viewer sees untargeted posts plus posts targeting at least one of the returned tags.
 */
export function visibleTagsFor(viewer: { roles: Caller['roles']; tags: readonly string[] }): string[] | null {
  return isStaff(viewer) ? null : [...new Set(viewer.tags)]
}

/** The feed's visibility rule for one post; the collection query implements the same rule. */
export function canSeePost(post: Pick<PostRecord, 'targetTags'>, viewer: { roles: Caller['roles']; tags: readonly string[] }): boolean {
  const allowed = visibleTagsFor(viewer)
  if (allowed === null || post.targetTags.length === 0) return true
  return post.targetTags.some((t) => allowed.includes(t))
}

/** A member sees answered questions and her own (answered or not). */
export function canSeeQuestion(q: Pick<QuestionRecord, 'answered' | 'askedBy'>, openid: string): boolean {
  return q.answered || q.askedBy === openid
}

/** Entries are accepted strictly before the deadline, and never once a leader has closed it. */
export function isContestOpen(contest: Pick<ContestRecord, 'deadline' | 'closedAt'>, now: Date): boolean {
  return !contest.closedAt && now.getTime() < new Date(contest.deadline).getTime()
}

export function assertContestOpen(contest: Pick<ContestRecord, 'deadline' | 'closedAt'>, now: Date): void {
  if (!isContestOpen(contest, now)) throw new AppError('CONFLICT', '活动已截止，不能再参加啦')
}

type Rankable = Pick<DiaryRecord, '_id' | 'rankedLikes' | 'createdAt'>

/** Contest ranking: most likes from others first; on a tie the earlier post wins (it was there first). */
export function compareEntries(a: Rankable, b: Rankable): number {
  return (
    (b.rankedLikes ?? 0) - (a.rankedLikes ?? 0) ||
    new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() ||
    (a._id < b._id ? -1 : a._id > b._id ? 1 : 0)
  )
}

export function rankEntries<T extends Rankable>(entries: readonly T[]): (T & { rank: number })[] {
  return [...entries].sort(compareEntries).map((e, i) => ({ ...e, rank: i + 1 }))
}

/** How many places a closed contest announces. */
export const WINNER_COUNT = 3

/**
 * The winners at closing: the best entries in ranking order, one place per mother (her best entry),
 * and only entries other mothers liked (a prize needs at least one vote that is not her own).
 */
export function pickWinners(entries: readonly (Rankable & Pick<DiaryRecord, 'openid' | 'authorName' | 'text' | 'photoFileID'>)[], count = WINNER_COUNT): ContestWinner[] {
  const seen = new Set<string>()
  const winners: ContestWinner[] = []
  for (const e of [...entries].sort(compareEntries)) {
    if (winners.length >= count) break
    if ((e.rankedLikes ?? 0) <= 0 || seen.has(e.openid)) continue
    seen.add(e.openid)
    winners.push({ rank: winners.length + 1, diaryId: e._id, authorName: e.authorName, text: e.text, photoFileID: e.photoFileID, rankedLikes: e.rankedLikes })
  }
  return winners
}

/** The one id of "this mother liked this diary": a second like collides on it. */
export function likeId(diaryId: string, openid: string): string {
  return `${diaryId}_${openid}`
}

/** What one like adds to a diary's counters: a mother's like on her own diary never ranks. */
export function likeIncrements(diary: Pick<DiaryRecord, 'openid'>, likerOpenid: string): { likeCount: 1; rankedLikes: 0 | 1 } {
  return { likeCount: 1, rankedLikes: diary.openid === likerOpenid ? 0 : 1 }
}

export function toPostView(p: PostRecord): PostView {
  const view: PostView = {
    id: p._id,
    title: p.title,
    body: p.body,
    kind: p.kind,
    targetTags: p.targetTags ?? [],
    authorName: p.authorName,
    publishedAt: iso(p.publishedAt),
  }
  if (p.coverFileID) view.coverFileID = p.coverFileID
  return view
}

export function toQuestionView(q: QuestionRecord, openid: string): QuestionView {
  const view: QuestionView = { id: q._id, question: q.question, askedAt: iso(q.askedAt), answered: q.answered, mine: q.askedBy === openid }
  if (q.answered) {
    view.answer = q.answer
    view.answeredByName = q.answeredByName
    if (q.answeredAt) view.answeredAt = iso(q.answeredAt)
  }
  return view
}

export function toDiaryView(d: DiaryRecord, openid: string, likedByMe: boolean): DiaryView {
  const view: DiaryView = {
    id: d._id,
    authorName: d.authorName,
    text: d.text,
    photoFileID: d.photoFileID,
    likeCount: d.likeCount ?? 0,
    likedByMe,
    mine: d.openid === openid,
    createdAt: iso(d.createdAt),
  }
  if (d.contestId) view.contestId = d.contestId
  return view
}

export function toContestView(c: ContestRecord, now: Date): ContestView {
  const view: ContestView = { id: c._id, title: c.title, theme: c.theme, deadline: iso(c.deadline), open: isContestOpen(c, now), createdAt: iso(c.createdAt) }
  if (c.closedAt) {
    view.closedAt = iso(c.closedAt)
    view.winners = c.winners ?? []
  }
  return view
}

/** The name shown under a mother's diary or a leader's answer; never her openid. */
export function displayName(member: { nickname?: string } | null | undefined, fallback = '亲亲宝贝妈妈'): string {
  return member?.nickname?.trim() || fallback
}
