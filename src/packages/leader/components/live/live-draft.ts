// The live preview form's data: what the leader typed (a draft kept across reloads) → the
// `live.create` / `live.update` input, checked by the function's own schema so the form and the
// server never disagree. Files are uploaded as soon as they are picked, so a draft holds fileIDs
// (a reload keeps them), never a local path that a reload would lose.
import { EVIDENCE_LABELS, type EvidenceKind, type LiveView, type Scene } from '../../../../../domain/live'
import { describeIssues, FIELD_LABELS, type IssueLike } from '../../../../../domain/schemas/format'
import { liveSchemas, type CreateLiveInput, type UpdateLiveInput } from '../../../../../domain/schemas/live'

export interface ProductDraft {
  name: string
  /** the chain (接龙) it links to; empty = none */
  chainId: string
}

export interface EvidenceDraft {
  kind: EvidenceKind
  title: string
  /** empty = a title-only note */
  fileID: string
  /** what she picked, to tell PDFs apart and show the name */
  fileName: string
}

export interface LiveDraft {
  title: string
  hostName: string
  hostPhotoFileID: string
  hostIntro: string
  scene: Scene | ''
  /** China day and time, as the pickers show them */
  date: string
  time: string
  products: ProductDraft[]
  coverFileID: string
  evidence: EvidenceDraft[]
  targetTags: string[]
  finderUserName: string
}

export const EMPTY_LIVE_DRAFT: LiveDraft = {
  title: '',
  hostName: '',
  hostPhotoFileID: '',
  hostIntro: '',
  scene: '',
  date: '',
  time: '20:00',
  products: [{ name: '', chainId: '' }],
  coverFileID: '',
  evidence: [],
  targetTags: [],
  finderUserName: '',
}

export const LIMITS = { title: 30, hostName: 20, hostIntro: 40, product: 30, products: 20, evidenceTitle: 30, evidence: 20, tags: 10, highlight: 60, highlights: 10 } as const

/** The start as the leader means it: a day and a time in China. */
export const chinaTime = (date: string, time: string) => `${date}T${time}:00+08:00`

/** "2026-12-01" and "20:00" in China time for an ISO instant. */
export function chinaParts(iso: string): { date: string; time: string } {
  const shifted = new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString()
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) }
}

export const newEvidence = (kind: EvidenceKind = 'customs'): EvidenceDraft => ({ kind, title: EVIDENCE_LABELS[kind], fileID: '', fileName: '' })

/** A PDF is shown as a document, anything else as a photo. */
export const isPdf = (name: string) => /\.pdf$/i.test(name)

export function draftFromLive(live: LiveView): LiveDraft {
  const { date, time } = chinaParts(live.startAt)
  return {
    title: live.title,
    hostName: live.host.name,
    hostPhotoFileID: live.host.photoFileID ?? '',
    hostIntro: live.host.intro ?? '',
    scene: live.scene,
    date,
    time,
    products: live.products.length > 0 ? live.products.map((p) => ({ name: p.name, chainId: p.chainId ?? '' })) : [{ name: '', chainId: '' }],
    coverFileID: live.coverFileID ?? '',
    evidence: live.evidence.map((e) => ({ kind: e.kind, title: e.title, fileID: e.fileID ?? '', fileName: e.fileID ? (e.fileID.split('/').pop() ?? '') : '' })),
    targetTags: live.targetTags,
    finderUserName: live.finderUserName ?? '',
  }
}

type CreateFields = Omit<CreateLiveInput, 'requestId'>

/** The create input; empty optional fields stay absent (the schema refuses an empty intro or file). */
export function toLiveInput(d: LiveDraft): CreateFields {
  const intro = d.hostIntro.trim()
  return {
    title: d.title.trim(),
    host: { name: d.hostName.trim(), ...(d.hostPhotoFileID ? { photoFileID: d.hostPhotoFileID } : {}), ...(intro ? { intro } : {}) },
    scene: d.scene as Scene,
    startAt: d.date ? chinaTime(d.date, d.time) : '',
    // a row left blank is not a product
    products: d.products
      .filter((p) => p.name.trim() || p.chainId.trim())
      .map((p) => ({ name: p.name.trim(), ...(p.chainId.trim() ? { chainId: p.chainId.trim() } : {}) })),
    ...(d.coverFileID ? { coverFileID: d.coverFileID } : {}),
    evidence: d.evidence.map((e) => ({ kind: e.kind, title: e.title.trim(), ...(e.fileID ? { fileID: e.fileID } : {}) })),
    ...(d.targetTags.length > 0 ? { targetTags: d.targetTags } : {}),
    ...(d.finderUserName.trim() ? { finderUserName: d.finderUserName.trim() } : {}),
  }
}

/** Where an error shows: a top-level field, or one row ("products.1", "evidence.0"), or the host's name. */
export type FieldErrors = Record<string, string>

export function errorKey(path: IssueLike['path']): string {
  const [first, second] = path
  if (first === 'host' && typeof second === 'string') return `host.${second}`
  if (typeof second === 'number') return `${String(first)}.${second}`
  return String(first ?? 'form')
}

export function errorsOf(issues: readonly IssueLike[]): FieldErrors {
  const errors: FieldErrors = {}
  for (const issue of issues) {
    const key = errorKey(issue.path)
    if (!errors[key]) errors[key] = describeIssues([issue])
  }
  return errors
}

/** The field a server message names ("开播时间：应晚于现在"), so it shows next to that field. */
export function fieldOfMessage(message: string): string | undefined {
  const keys = ['title', 'startAt', 'scene', 'products', 'evidence', 'targetTags', 'finderUserName', 'coverFileID']
  return keys.find((k) => message.startsWith(`${FIELD_LABELS[k]}：`))
}

/**
 * The input ready to send, or what to fix, field by field, in the schema's own words. Editing a live
 * that already aired (to add the evidence) keeps its start: only a moved start must lie ahead.
 */
export function checkLive(d: LiveDraft, now: Date = new Date(), original?: LiveView): { input: CreateFields; errors?: undefined } | { input?: undefined; errors: FieldErrors } {
  const input = toLiveInput(d)
  const parsed = liveSchemas.create.safeParse(input)
  const errors = parsed.success ? {} : errorsOf(parsed.error.issues)
  // untouched pickers deserve a kinder word than a format rule
  if (!d.scene) errors.scene = '场景：请选择直播场景'
  if (!d.date) errors.startAt = '开播时间：请选择开播日期'
  else if (new Date(input.startAt).getTime() <= now.getTime() && !(original && new Date(input.startAt).getTime() === new Date(original.startAt).getTime())) {
    errors.startAt = '开播时间：应晚于现在'
  }
  return Object.keys(errors).length > 0 ? { errors } : { input }
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** An edit sends only what changed; `null` takes the cover or the Channels account away. */
export function changesOf(original: LiveView, input: CreateFields): Omit<UpdateLiveInput, 'id'> {
  const before = toLiveInput(draftFromLive(original))
  const changes: Omit<UpdateLiveInput, 'id'> = {}
  if (input.title !== before.title) changes.title = input.title
  if (!same(input.host, before.host)) changes.host = input.host
  if (input.scene !== before.scene) changes.scene = input.scene
  if (new Date(input.startAt).getTime() !== new Date(before.startAt).getTime()) changes.startAt = input.startAt
  if (!same(input.products, before.products)) changes.products = input.products
  if (!same(input.evidence, before.evidence)) changes.evidence = input.evidence
  if (!same([...(input.targetTags ?? [])].sort(), [...(before.targetTags ?? [])].sort())) changes.targetTags = input.targetTags ?? []
  if (input.coverFileID !== before.coverFileID) changes.coverFileID = input.coverFileID ?? null
  if (input.finderUserName !== before.finderUserName) changes.finderUserName = input.finderUserName ?? null
  return changes
}
