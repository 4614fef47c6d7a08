import type { ContestView } from '../../../../../domain/content'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchContests, fetchUnanswered } from '../../../../services/content'
import { fetchPending } from '../../../../services/member'

export interface LeaderInbox {
  pending: number
  unanswered: number
  running: ContestView[]
}

/** What waits for a leader: the totals of two queues (one row each is enough) and the running contests. */
async function loadInbox(): Promise<LeaderInbox> {
  const [pending, unanswered, contests] = await Promise.all([fetchPending(1, 1), fetchUnanswered(1, 1), fetchContests()])
  return { pending: pending.total, unanswered: unanswered.total, running: contests.items.filter((c) => c.open) }
}

export function useLeaderInbox() {
  return useCloudQuery(loadInbox)
}
