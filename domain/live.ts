// Live previews (直播预告) with their evidence, the Q&A a leader curates on air, and the reminders a
// mother asked for. Pure rules over plain data; the `live` function and the pages both lean on them.
import { AppError } from './errors'
import { isStaff, type Caller } from './roles'

export const SCENES = ['bonded', 'ranch', 'factory'] as const
export type Scene = (typeof SCENES)[number]
export const SCENE_LABELS: Record<Scene, string> = { bonded: '保税仓', ranch: '牧场', factory: '工厂' }

export const EVIDENCE_KINDS = ['customs', 'quality', 'trace', 'other'] as const
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number]
export const EVIDENCE_LABELS: Record<EvidenceKind, string> = { customs: '报关单', quality: '质检报告', trace: '溯源证明', other: '其他' }

export interface Evidence {
  kind: EvidenceKind
  title: string
  /** a file in cloud storage (absent for a title-only note, e.g. "报关单号见批次") */
  fileID?: string
}

export interface LiveHost {
  name: string
  photoFileID?: string
  intro?: string
}

/** A product shown in the live; a chain (接龙) it links to may not exist yet. */
export interface LiveProduct {
  name: string
  chainId?: string
}

export const LIVE_STATUSES = ['scheduled', 'finished', 'cancelled'] as const
export type LiveStatus = (typeof LIVE_STATUSES)[number]

/**
 * A document of `lives`. `announcePending` / `reminderPending` are the timer's to-do flags (an index
 * finds them); the cursors are where a run that ran out of time stopped (any run may resume there:
 * every message is claimed once per member, so a stale cursor only costs a re-scan).
 */
export interface LiveRecord {
  _id: string
  title: string
  host: LiveHost
  scene: Scene
  startAt: Date
  products: LiveProduct[]
  coverFileID?: string
  evidence: Evidence[]
  targetTags: string[]
  targeted: boolean
  finderUserName?: string
  status: LiveStatus
  replayUrl?: string
  highlights?: string[]
  announcePending: boolean
  announceCursor?: string
  announcedAt?: Date
  reminderAt: Date
  reminderPending: boolean
  reminderCursor?: string
  remindedAt?: Date
  createdBy: string
  createdAt: Date
  updatedAt?: Date
  cancelledAt?: Date
  finishedAt?: Date
}

/** How a mother sees the live's state right now. */
export type LivePhase = 'upcoming' | 'onAir' | 'ended' | 'finished' | 'cancelled'

export interface LiveProductView {
  name: string
  chainId?: string
  /** from the linked chain; null until chains exist or when none is linked */
  priceFen: number | null
  remaining: number | null
}

export interface LiveView {
  id: string
  title: string
  host: LiveHost
  scene: Scene
  sceneLabel: string
  startAt: string
  phase: LivePhase
  products: LiveProductView[]
  coverFileID?: string
  evidence: Evidence[]
  targetTags: string[]
  finderUserName?: string
  replayUrl?: string
  highlights?: string[]
  /** 提醒我 still makes sense: the reminder has not gone out */
  remindable: boolean
}

/** One live as `live.get` answers it to her: also whether she has asked to be reminded of it. */
export interface LiveDetailView extends LiveView {
  reminded: boolean
}

export const MINUTE = 60_000
/** The reminder goes out this long before the start. */
export const REMINDER_LEAD_MS = 10 * MINUTE
/** A live without a `finish` counts as on air this long after its start. */
export const ON_AIR_MS = 3 * 60 * MINUTE
/** A reminder the timer could not send by this long after the start is dropped (it would only annoy). */
export const LATE_REMINDER_MS = 15 * MINUTE
/** `live.list` shows lives that started at most this long ago under "recent". */
export const RECENT_MS = 30 * 24 * 60 * MINUTE
/** How far ahead a live may be scheduled. */
export const MAX_AHEAD_MS = 180 * 24 * 60 * MINUTE

export const reminderAtFor = (startAt: Date): Date => new Date(startAt.getTime() - REMINDER_LEAD_MS)

export function phaseOf(live: Pick<LiveRecord, 'status' | 'startAt'>, now: Date): LivePhase {
  if (live.status === 'cancelled') return 'cancelled'
  if (live.status === 'finished') return 'finished'
  const start = new Date(live.startAt).getTime()
  if (now.getTime() < start) return 'upcoming'
  return now.getTime() < start + ON_AIR_MS ? 'onAir' : 'ended'
}

/** Questions are taken before and during the live, never once it finished or was cancelled. */
export function assertAskable(live: Pick<LiveRecord, 'status' | 'startAt'>, now: Date): void {
  const phase = phaseOf(live, now)
  if (phase === 'cancelled') throw new AppError('CONFLICT', '这场直播已取消')
  if (phase === 'finished' || phase === 'ended') throw new AppError('CONFLICT', '直播已结束，不能再提问了')
}

/** Staff see every live; a mother sees untargeted ones and those for one of her tags. */
export function canSeeLive(live: Pick<LiveRecord, 'targetTags'>, viewer: { roles: Caller['roles']; tags: readonly string[] }): boolean {
  if (isStaff(viewer) || live.targetTags.length === 0) return true
  return live.targetTags.some((t) => viewer.tags.includes(t))
}

export function toLiveView(live: LiveRecord, now: Date): LiveView {
  const phase = phaseOf(live, now)
  return {
    id: live._id,
    title: live.title,
    host: live.host,
    scene: live.scene,
    sceneLabel: SCENE_LABELS[live.scene],
    startAt: new Date(live.startAt).toISOString(),
    phase,
    // chains do not exist yet: price and remaining quota are answered as absent
    products: live.products.map((p) => ({ name: p.name, ...(p.chainId ? { chainId: p.chainId } : {}), priceFen: null, remaining: null })),
    ...(live.coverFileID ? { coverFileID: live.coverFileID } : {}),
    evidence: live.evidence,
    targetTags: live.targetTags,
    ...(live.finderUserName ? { finderUserName: live.finderUserName } : {}),
    ...(live.replayUrl ? { replayUrl: live.replayUrl } : {}),
    ...(live.highlights ? { highlights: live.highlights } : {}),
    remindable: phase === 'upcoming' && live.reminderPending,
  }
}

// ---------------------------------------------------------------- Q&A curation

export const QUESTION_STATES = ['new', 'picked', 'answered', 'hidden'] as const
export type LiveQuestionState = (typeof QUESTION_STATES)[number]
export type CurationTarget = Exclude<LiveQuestionState, 'new'>

/**
 * Where a question may move from. An answer is final (its text was read on air); a hidden question
 * can be picked back, a picked one hidden.
 */
export const CURATE_FROM: Record<CurationTarget, readonly LiveQuestionState[]> = {
  picked: ['new', 'hidden'],
  hidden: ['new', 'picked'],
  answered: ['new', 'picked'],
}

/** What members see of a live's questions: picked and answered ones, never hidden or unread ones. */
export const PUBLIC_STATES: readonly LiveQuestionState[] = ['picked', 'answered']

export interface LiveQuestionRecord {
  _id: string
  liveId: string
  question: string
  askedBy: string
  /** her nickname when she asked, for the host to read out; members see questions anonymously */
  askerName: string
  askedAt: Date
  state: LiveQuestionState
  answer?: string
  answeredAt?: Date
  curatedBy?: string
  curatedAt?: Date
}

export interface LiveQuestionView {
  id: string
  question: string
  askedAt: string
  state: LiveQuestionState
  answer?: string
  answeredAt?: string
  mine: boolean
}

export interface LiveQuestionStaffView extends LiveQuestionView {
  askerName: string
}

export function toLiveQuestionView(q: LiveQuestionRecord, openid: string): LiveQuestionView {
  return {
    id: q._id,
    question: q.question,
    askedAt: new Date(q.askedAt).toISOString(),
    state: q.state,
    ...(q.answer !== undefined ? { answer: q.answer } : {}),
    ...(q.answeredAt ? { answeredAt: new Date(q.answeredAt).toISOString() } : {}),
    mine: q.askedBy === openid,
  }
}

export const toLiveQuestionStaffView = (q: LiveQuestionRecord, openid: string): LiveQuestionStaffView => ({ ...toLiveQuestionView(q, openid), askerName: q.askerName })

/** Why a curation changed nothing, from the state the question is in now. */
export function curationRefusal(current: LiveQuestionState, to: CurationTarget): AppError {
  if (current === 'answered') return new AppError('CONFLICT', '这个问题已经回答过了')
  if (current === to) return new AppError('CONFLICT', to === 'hidden' ? '这个问题已经隐藏了' : '这个问题已经选中了')
  return new AppError('CONFLICT', '问题状态已变化，请刷新后再试')
}
