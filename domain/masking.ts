/** `13812341234` → `138****1234`: leaders see phones masked unless an action truly needs them. */
export function maskPhone(phone: string | undefined | null): string {
  if (!phone) return ''
  const digits = phone.replace(/\s+/g, '')
  if (digits.length < 7) return '*'.repeat(digits.length)
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`
}

/** `王小美` → `王**`, `Amy` → `A**`: names on public chain lists. */
export function maskName(name: string | undefined | null): string {
  const chars = Array.from((name ?? '').trim())
  if (chars.length === 0) return '匿名'
  return `${chars[0]}**`
}
