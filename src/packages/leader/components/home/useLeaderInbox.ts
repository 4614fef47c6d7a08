import type { ContestView } from '../../../../../domain/content'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchContests, fetchUnanswered } from '../../../../services/content'
import { fetchLiveQuestions, fetchLives } from '../../../../services/live'
import { fetchPending } from '../../../../services/member'

export interface LiveWaiting {
  /** scheduled lives not yet over (at most the list's 20) */
  upcoming: number
  /** the soonest one (perhaps on air now) and its unread questions */
  next?: { id: string; title: string; startAt: string; onAir: boolean; newQuestions: number }
}

export interface LeaderInbox {
  pending: number
  unanswered: number
  running: ContestView[]
  /** undefined when the lives could not be read: the rest of the inbox still shows */
  lives?: LiveWaiting
}

/** Two calls: the lists (staff see every live) and one row of the next live's new questions for its total. */
async function loadLives(): Promise<LiveWaiting> {
  const { upcoming } = await fetchLives()
  const next = upcoming[0]
  if (!next) return { upcoming: 0 }
  const news = await fetchLiveQuestions(next.id, 'new')(1, 1)
  return { upcoming: upcoming.length, next: { id: next.id, title: next.title, startAt: next.startAt, onAir: next.phase === 'onAir', newQuestions: news.total } }
}

/** What waits for a leader: the totals of two queues (one row each is enough), the running contests and the next live. */
async function loadInbox(): Promise<LeaderInbox> {
  const [pending, unanswered, contests, lives] = await Promise.all([
    fetchPending(1, 1),
    fetchUnanswered(1, 1),
    fetchContests(),
    loadLives().catch(() => undefined),
  ])
  return { pending: pending.total, unanswered: unanswered.total, running: contests.items.filter((c) => c.open), lives }
}

export function useLeaderInbox() {
  return useCloudQuery(loadInbox)
}
