// What a live preview or a trace result says when shared to a chat, and where opening it lands.
import { startDate } from '../../../../domain/live-time'
import type { LiveView } from '../../../../domain/live'
import type { TraceLookupView } from '../../../../domain/trace'
import { traceVerdict } from '../../../../domain/trace-display'
import type { ShareContent } from '../../../services/share'

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text)

/**
 * The preview itself: a member lands on it; anyone else meets the members-only prompt (told a
 * friend shared a live, nothing more). The card shows the cover, else the host's photo.
 */
export function liveShare(live: LiveView): ShareContent {
  const image = live.coverFileID ?? live.host.photoFileID
  return {
    title: `直播预告｜${clip(live.title, 18)}，${startDate(live.startAt)}开播`,
    path: `/packages/live/pages/detail/index?id=${encodeURIComponent(live.id)}&shared=1`,
    ...(image ? { imageUrl: image } : {}),
  }
}

/**
 * The trace page with the code filled in, not looked up: every person who looks a code up counts
 * towards its counterfeit warning, so a friend only counts if she taps 查验 herself. With no image
 * the chat card shows the top of the page, which is the verdict.
 */
export function traceShare(view?: TraceLookupView): ShareContent {
  if (!view) return { title: '亲亲宝贝溯源查验：罐底的码，一查便知真假', path: '/packages/live/pages/trace/index' }
  const path = `/packages/live/pages/trace/index?code=${encodeURIComponent(view.code)}`
  const title = traceVerdict(view) === 'genuine' && view.product
    ? `我查了溯源码：${clip(view.product, 14)} 批次 ${view.batch?.batchNo ?? ''}，报关单、质检报告都能查`
    : `溯源码 ${view.code} 需要核实，你的罐子也查一查`
  return { title, path }
}
