// Live previews, one function per action, so pages never spell action names or inputs. Creates
// carry one requestId per submit (see request-id.ts).
import { TEMPLATE_IDS } from '../../domain/notifications'
import type { CreateLiveInput, CurateInput, UpdateLiveInput } from '../../domain/schemas/live'
import { call } from './cloud'
import { askForNoticesAccepted } from './platform'
import { submitOnce } from './request-id'

export const fetchLives = () => call('live', 'list', {})

/** The leaders' console: one status, cancelled ones included, page by page. */
export const fetchLivesByStatus = (status: 'scheduled' | 'finished' | 'cancelled') => (page: number, pageSize = 20) => call('live', 'byStatus', { status, page, pageSize })

export const fetchLive = (id: string) => call('live', 'get', { id })

export const createLive = (input: Omit<CreateLiveInput, 'requestId'>) => submitOnce((requestId) => call('live', 'create', { ...input, requestId }))

export const updateLive = (input: UpdateLiveInput) => call('live', 'update', input)

export const cancelLive = (id: string) => call('live', 'cancel', { id })

export const finishLive = (id: string, after: { replayUrl?: string; highlights?: string[] }) => call('live', 'finish', { id, ...after })

const KIND_OF: Record<string, 'reminder' | 'announce'> = { [TEMPLATE_IDS.liveReminder]: 'reminder', [TEMPLATE_IDS.liveAnnounce]: 'announce' }

/**
 * 提醒我: asks for the reminder (and the next lives' announcements) inside the tap, then records
 * what she accepted. Answers null when she accepted nothing (nothing is recorded).
 */
export async function remindMe(liveId: string) {
  const accepted = await askForNoticesAccepted([TEMPLATE_IDS.liveReminder, TEMPLATE_IDS.liveAnnounce])
  if (accepted.length === 0) return null
  return submitOnce((requestId) => call('live', 'remind', { liveId, accepted: accepted.map((id) => KIND_OF[id]), requestId }))
}

export const askLiveQuestion = (liveId: string, question: string) => submitOnce((requestId) => call('live', 'ask', { liveId, question, requestId }))

/** What members see: picked and answered questions. */
export const fetchLiveQa = (liveId: string) => (page: number, pageSize = 20) => call('live', 'qa', { liveId, page, pageSize })

/** The leaders' queue, one state or all. */
export const fetchLiveQuestions = (liveId: string, state?: 'new' | 'picked' | 'answered' | 'hidden') => (page: number, pageSize = 20) =>
  call('live', 'questions', state ? { liveId, state, page, pageSize } : { liveId, page, pageSize })

export const curateQuestion = (input: CurateInput) => call('live', 'curate', input)
