// Subscribe-message templates and the data they carry. Template ids are configured per mini-program
// (docs/DEPLOY.md); field limits follow WeChat's rules (thing ≤ 20 chars, phrase ≤ 5).
import { chinaDay } from './time'

export const TEMPLATE_IDS = {
  reviewResult: 'TPL_REVIEW_RESULT',
  contestWinner: 'TPL_CONTEST_WINNER',
  liveAnnounce: 'TPL_LIVE_ANNOUNCE',
  liveReminder: 'TPL_LIVE_REMINDER',
} as const

const clip = (s: string, max: number) => (Array.from(s).length <= max ? s : `${Array.from(s).slice(0, max - 1).join('')}…`)

/** The review-result notice a mother receives when a leader decides on her application. */
export function reviewResultMessage(decision: 'approve' | 'reject', note: string | undefined, decidedAt: string) {
  return {
    thing1: { value: '亲亲宝贝入群申请' },
    phrase2: { value: decision === 'approve' ? '已通过' : '未通过' },
    thing3: { value: clip(note || (decision === 'approve' ? '欢迎加入，快来看看今天的干货吧' : '可查看原因后重新申请'), 20) },
    date4: { value: chinaDay(decidedAt) },
  }
}

/** The notice a mother receives when her diary places in a contest a leader has closed. */
export function contestWinnerMessage(contestTitle: string, rank: number, closedAt: string) {
  return {
    thing1: { value: clip(contestTitle, 20) },
    phrase2: { value: `第${rank}名` },
    thing3: { value: '恭喜获奖！团长会联系你领取奖品' },
    date4: { value: chinaDay(closedAt) },
  }
}

/** A live preview announced to mothers who subscribed to announcements (thing ≤ 20, time as 年月日 时:分). */
export function liveAnnounceMessage(title: string, startAt: string, hostName: string, sceneLabel: string) {
  return {
    thing1: { value: clip(title, 20) },
    time2: { value: chinaMinute(startAt) },
    thing3: { value: clip(`${hostName} · ${sceneLabel}直播`, 20) },
    thing4: { value: '点击查看预告和证据，开播前提醒你' },
  }
}

/** The reminder ten minutes before a live she asked to be reminded of. */
export function liveReminderMessage(title: string, startAt: string, hostName: string) {
  return {
    thing1: { value: clip(title, 20) },
    time2: { value: chinaMinute(startAt) },
    thing3: { value: clip(`${hostName} 马上开播`, 20) },
    thing4: { value: '直播 10 分钟后开始，快来占个好位置' },
  }
}

/** `2026-12-01 20:00` in China time. */
function chinaMinute(at: string): string {
  return new Date(new Date(at).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** The ids she accepted, from requestSubscribeMessage's answer (`{ [tmplId]: 'accept' | 'reject' | 'ban' | 'filter' }`). */
export function acceptedTemplates(answer: unknown, templateIds: readonly string[]): string[] {
  const decisions = (answer ?? {}) as Record<string, unknown>
  return templateIds.filter((id) => decisions[id] === 'accept')
}
