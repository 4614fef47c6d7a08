// How a trace lookup reads on a mother's screen: what she typed or scanned, taken to a code; the
// verdict; the lookup history in words. Pure; the trace page leans on it.
import { CODE_PATTERN, normalizeCode, type TraceLookupView } from './trace'

/**
 * The code in what the scanner read: a QR code may carry a link (`…?code=QQ-…`) or the bare code;
 * a barcode is the code itself.
 */
export function codeFromScan(text: string): string {
  const raw = text.trim()
  const query = /[?&](?:code|c)=([^&#\s]+)/i.exec(raw)
  if (query) {
    try {
      return normalizeCode(decodeURIComponent(query[1]))
    } catch {
      return normalizeCode(query[1])
    }
  }
  return normalizeCode(raw)
}

/** Why what she typed cannot be a can code (nothing is looked up), or undefined when it can. */
export function codeInputProblem(input: string): string | undefined {
  const code = normalizeCode(input)
  if (!code) return '请输入罐底的溯源码'
  if (!CODE_PATTERN.test(code)) return '溯源码是 6–40 位字母、数字或“-”，请对照罐底核对一下'
  return undefined
}

export type TraceVerdict = 'genuine' | 'unknown' | 'suspicious'

export function traceVerdict(view: Pick<TraceLookupView, 'found' | 'warning'>): TraceVerdict {
  if (!view.found || view.warning?.kind === 'unknown') return 'unknown'
  return view.warning ? 'suspicious' : 'genuine'
}

/** "2026-11-28 20:05", China time. */
export function chinaMinute(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ')
}

/** How often and since when the code was looked up, this lookup included. */
export function queryHistory(view: Pick<TraceLookupView, 'queryCount' | 'firstQueriedAt'>): string {
  if (view.queryCount <= 1 || !view.firstQueriedAt) return '这是该溯源码的第 1 次查询'
  return `该溯源码已被查询 ${view.queryCount} 次，首次查询于 ${chinaMinute(view.firstQueriedAt)}`
}
