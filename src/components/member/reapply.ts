// What the landing page says to a rejected applicant. Kept apart from application.ts, which pulls
// in the apply schema (zod): the landing page is the first screen and must stay small.

/** Whether a rejected applicant's cooling period is over on `today` (both YYYY-MM-DD). */
export function mayApplyAgain(reapplyFrom: string | undefined, today: string): boolean {
  return !reapplyFrom || today >= reapplyFrom
}

/** "2026-12-05" → "2026 年 12 月 5 日" */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number)
  return `${y} 年 ${m} 月 ${d} 日`
}
