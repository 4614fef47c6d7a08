// How a live preview reads on a mother's screen: the countdown, the start day in China time, the
// phase in words, the evidence gallery's groups and what tapping a piece of evidence opens. Pure;
// the home card (main package) and the live pages (subpackage) share it, so it stays small.
import { EVIDENCE_KINDS, EVIDENCE_LABELS, type Evidence, type EvidenceKind, type LivePhase } from './live'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** China time (UTC+8, no daylight saving): the day and clock a mother and the leader both mean. */
const CHINA_OFFSET = 8 * HOUR

const ms = (at: Date | number | string) => new Date(at).getTime()
const pad = (n: number) => String(n).padStart(2, '0')

/**
 * What is left until `startAt`, as a countdown reads: days and hours a day or more ahead, hours and
 * minutes within a day, minutes and seconds in the last hour; '' once it has begun.
 */
export function countdownText(startAt: Date | number | string, now: Date | number | string): string {
  const left = ms(startAt) - ms(now)
  if (left <= 0) return ''
  const days = Math.floor(left / DAY)
  const hours = Math.floor((left % DAY) / HOUR)
  const minutes = Math.floor((left % HOUR) / MINUTE)
  const seconds = Math.floor((left % MINUTE) / SECOND)
  if (days > 0) return `${days}天${hours}小时`
  if (hours > 0) return `${hours}小时${pad(minutes)}分`
  return `${pad(minutes)}分${pad(seconds)}秒`
}

/** How often a countdown needs redrawing: every second in its last hour, every half minute before. */
export function countdownTick(startAt: Date | number | string, now: Date | number | string): number {
  return ms(startAt) - ms(now) <= HOUR ? SECOND : 30 * SECOND
}

/** `YYYY-MM-DD` and `HH:mm` of an instant in China time. */
function chinaParts(at: number): { y: number; m: number; d: number; hm: string } {
  const c = new Date(at + CHINA_OFFSET)
  return { y: c.getUTCFullYear(), m: c.getUTCMonth() + 1, d: c.getUTCDate(), hm: `${pad(c.getUTCHours())}:${pad(c.getUTCMinutes())}` }
}

/** "今天 20:00", "明天 20:00", "后天 20:00", "12月3日 20:00" (another year: "2027年1月3日 20:00"), China time. */
export function startLabel(startAt: Date | number | string, now: Date | number | string): string {
  const s = chinaParts(ms(startAt))
  const n = chinaParts(ms(now))
  const days = Math.round((Date.UTC(s.y, s.m - 1, s.d) - Date.UTC(n.y, n.m - 1, n.d)) / DAY)
  const near: Record<number, string> = { 0: '今天', 1: '明天', 2: '后天', [-1]: '昨天' }
  const day = near[days] ?? (s.y === n.y ? `${s.m}月${s.d}日` : `${s.y}年${s.m}月${s.d}日`)
  return `${day} ${s.hm}`
}

/** "12月1日 20:00", China time, for text read later than it was written (a shared chat card). */
export function startDate(startAt: Date | number | string): string {
  const s = chinaParts(ms(startAt))
  return `${s.m}月${s.d}日 ${s.hm}`
}

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
