/** What a quota bar shows: clamped so an over-read never draws past 100 %. */
export function quotaProgress(sold: number, quota: number) {
  const safeQuota = Math.max(0, Math.floor(quota))
  const safeSold = Math.min(Math.max(0, Math.floor(sold)), safeQuota)
  const remaining = safeQuota - safeSold
  const percent = safeQuota === 0 ? 0 : Math.round((safeSold / safeQuota) * 100)
  return { sold: safeSold, quota: safeQuota, remaining, percent, full: safeQuota > 0 && remaining === 0, label: `${percent}%` }
}
