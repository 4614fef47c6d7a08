// How a live preview reads on a mother's screen: the phase in words, the evidence gallery's groups,
// what tapping a piece of evidence opens, prices. Pure, for the live pages (the countdown and the start
// day are in live-time.ts, which the home card shares).
import { EVIDENCE_KINDS, EVIDENCE_LABELS, type Evidence, type EvidenceKind, type LivePhase } from './live'

export const PHASE_LABELS: Record<LivePhase, string> = {
  upcoming: '即将开播',
  onAir: '直播中',
  ended: '已结束',
  finished: '已结束',
  cancelled: '已取消',
}

/** The live is over for a mother: the replay and highlights take the place of the countdown. */
export const isOver = (phase: LivePhase) => phase === 'ended' || phase === 'finished'

/** Questions are taken before and during the live (domain/live.ts assertAskable says why not after). */
export const isAskable = (phase: LivePhase) => phase === 'upcoming' || phase === 'onAir'

/** What a tap on a piece of evidence opens: a photo full size, a PDF or other file, or nothing (a note). */
export type EvidenceOpen = 'image' | 'document' | 'note'

const IMAGE_EXT = /\.(png|jpe?g|gif|webp|bmp)$/i

export function evidenceOpen(e: Pick<Evidence, 'fileID'>): EvidenceOpen {
  if (!e.fileID) return 'note'
  // a cloud file id ends with the uploaded file's name, extension included
  return IMAGE_EXT.test(e.fileID.split('?')[0]) ? 'image' : 'document'
}

export interface EvidenceGroup {
  kind: EvidenceKind
  label: string
  items: Evidence[]
}

/** The gallery's sections: 报关单, 质检报告, 溯源证明, 其他, in that order, only those with evidence. */
export function evidenceGroups(evidence: readonly Evidence[]): EvidenceGroup[] {
  return EVIDENCE_KINDS.map((kind) => ({ kind, label: EVIDENCE_LABELS[kind], items: evidence.filter((e) => e.kind === kind) })).filter((g) => g.items.length > 0)
}

/** Every image of the gallery in order: what a full-size preview swipes through. */
export const evidenceImages = (evidence: readonly Evidence[]): string[] =>
  evidenceGroups(evidence).flatMap((g) => g.items.filter((e) => evidenceOpen(e) === 'image').map((e) => e.fileID as string))

/** Fen as a price: "¥128" for whole yuan, "¥128.50" otherwise. */
export function yuan(fen: number): string {
  return fen % 100 === 0 ? `¥${fen / 100}` : `¥${(fen / 100).toFixed(2)}`
}
