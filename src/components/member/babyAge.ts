/**
 * "7 个月" / "1 岁 2 个月" from the month age `member.me` computes (negative while expecting).
 * Mirrors domain/stage describeAge, which needs the birth date the me view does not carry.
 */
export function babyAgeText(months: number | undefined, stage?: string): string | undefined {
  if (months === undefined) return undefined
  if (months < 0 || stage === '孕期') return '孕期'
  if (months < 12) return `${months} 个月`
  const years = Math.floor(months / 12)
  const rest = months % 12
  return rest === 0 ? `${years} 岁` : `${years} 岁 ${rest} 个月`
}
