// WeChat cloud timer triggers use a 7-field cron: `sec min hour day month weekday year`,
// evaluated in China time (UTC+8, no daylight saving). Supports `*`, numbers, lists `a,b`,
// ranges `a-b`, steps `*/n` and `a-b/n`, and English month/weekday names (JAN, MON...).

const CHINA_OFFSET_MS = 8 * 3600_000

interface FieldSpec { min: number; max: number; names?: string[] }

const FIELDS: FieldSpec[] = [
  { min: 0, max: 59 }, // second
  { min: 0, max: 59 }, // minute
  { min: 0, max: 23 }, // hour
  { min: 1, max: 31 }, // day of month
  { min: 1, max: 12, names: ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] },
  { min: 0, max: 7, names: ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] }, // 0 and 7 are Sunday
  { min: 1970, max: 2099 }, // year
]

export interface Cron {
  source: string
  seconds: Set<number>
  minutes: Set<number>
  hours: Set<number>
  days: Set<number>
  months: Set<number>
  weekdays: Set<number>
  years: Set<number>
  /** `*` in day-of-month / weekday: when both are restricted, either may match (classic cron). */
  anyDay: boolean
  anyWeekday: boolean
}

function parseValue(token: string, spec: FieldSpec, source: string): number {
  const upper = token.toUpperCase()
  const named = spec.names?.indexOf(upper) ?? -1
  if (named >= 0) return named + (spec.names!.length === 12 ? 1 : 0)
  if (!/^\d+$/.test(token)) throw new Error(`invalid cron "${source}": bad value "${token}"`)
  const n = Number(token)
  if (n < spec.min || n > spec.max) throw new Error(`invalid cron "${source}": ${n} out of range ${spec.min}-${spec.max}`)
  return n
}

function parseField(text: string, spec: FieldSpec, source: string): Set<number> {
  const out = new Set<number>()
  for (const part of text.split(',')) {
    const [rangeText, stepText] = part.split('/')
    const step = stepText === undefined ? 1 : Number(stepText)
    if (!Number.isInteger(step) || step < 1) throw new Error(`invalid cron "${source}": bad step "${part}"`)
    let lo: number
    let hi: number
    if (rangeText === '*' || rangeText === '?') {
      lo = spec.min
      hi = spec.max
    } else if (rangeText.includes('-')) {
      const [a, b] = rangeText.split('-')
      lo = parseValue(a, spec, source)
      hi = parseValue(b, spec, source)
      if (lo > hi) throw new Error(`invalid cron "${source}": empty range "${rangeText}"`)
    } else {
      lo = parseValue(rangeText, spec, source)
      // `5/10` means from 5 every 10, as in Quartz-style crons
      hi = stepText === undefined ? lo : spec.max
    }
    for (let v = lo; v <= hi; v += step) out.add(v)
  }
  return out
}

export function parseCron(source: string): Cron {
  const parts = source.trim().split(/\s+/)
  if (parts.length !== 7) throw new Error(`invalid cron "${source}": expected 7 fields (sec min hour day month weekday year), got ${parts.length}`)
  const sets = parts.map((p, i) => parseField(p, FIELDS[i], source))
  const weekdays = sets[5]
  if (weekdays.has(7)) weekdays.add(0)
  return {
    source,
    seconds: sets[0], minutes: sets[1], hours: sets[2], days: sets[3], months: sets[4], weekdays, years: sets[6],
    anyDay: parts[3] === '*' || parts[3] === '?',
    anyWeekday: parts[5] === '*' || parts[5] === '?',
  }
}

function dayMatches(cron: Cron, d: Date): boolean {
  const dom = cron.days.has(d.getUTCDate())
  const dow = cron.weekdays.has(d.getUTCDay())
  if (cron.anyDay && cron.anyWeekday) return true
  if (cron.anyDay) return dow
  if (cron.anyWeekday) return dom
  return dom || dow
}

/** The first firing time strictly after `afterMs` (epoch ms), or null when none remains (year range exhausted). */
export function nextFire(cron: Cron, afterMs: number): number | null {
  // Work on a Date whose UTC fields read as China wall-clock time.
  const d = new Date(Math.floor(afterMs / 1000) * 1000 + 1000 + CHINA_OFFSET_MS)
  const maxYear = Math.max(...cron.years)
  for (let guard = 0; guard < 100_000; guard++) {
    const year = d.getUTCFullYear()
    if (year > maxYear) return null
    if (!cron.years.has(year)) {
      d.setUTCFullYear(year + 1, 0, 1)
      d.setUTCHours(0, 0, 0, 0)
      continue
    }
    if (!cron.months.has(d.getUTCMonth() + 1)) {
      d.setUTCMonth(d.getUTCMonth() + 1, 1)
      d.setUTCHours(0, 0, 0, 0)
      continue
    }
    if (!dayMatches(cron, d)) {
      d.setUTCDate(d.getUTCDate() + 1)
      d.setUTCHours(0, 0, 0, 0)
      continue
    }
    if (!cron.hours.has(d.getUTCHours())) {
      d.setUTCHours(d.getUTCHours() + 1, 0, 0, 0)
      continue
    }
    if (!cron.minutes.has(d.getUTCMinutes())) {
      d.setUTCMinutes(d.getUTCMinutes() + 1, 0, 0)
      continue
    }
    if (!cron.seconds.has(d.getUTCSeconds())) {
      d.setUTCSeconds(d.getUTCSeconds() + 1, 0)
      continue
    }
    return d.getTime() - CHINA_OFFSET_MS
  }
  return null
}
