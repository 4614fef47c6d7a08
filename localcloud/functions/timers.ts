// Timer triggers: each function's config.json may declare one `{"type":"timer"}` trigger with a
// 7-field cron in China time. They fire on the localcloud clock: as real time passes, and when
// tests move the clock. Slots missed by one clock jump are coalesced into one firing whose
// `Time` is the earliest missed slot (the real platform never replays missed slots at all).
import fs from 'node:fs'
import path from 'node:path'
import type { Clock } from '../service'
import { nextFire, parseCron, type Cron } from './cron'

export interface TimerEvent {
  Type: 'Timer'
  TriggerName: string
  Time: string
  Message: string
}

interface Trigger {
  fn: string
  name: string
  cron: Cron
  next: number | null
  configMtime: number
}

type Fire = (fn: string, event: TimerEvent) => Promise<unknown>

const RESCAN_MS = 5000

/** `2024-01-02T03:04:05Z`, the format the real trigger event uses. */
function triggerTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export class TimerScheduler {
  private triggers = new Map<string, Trigger>()
  private tick?: NodeJS.Timeout
  private lastScan = 0
  /** config.json versions already reported as invalid (reported once, not on every rescan) */
  private badConfigs = new Map<string, number>()
  private lastNow: number
  private unsubscribe?: () => void
  /** invocations started by triggers and not finished yet (tests await them) */
  private inflight = new Set<Promise<unknown>>()

  constructor(private functionsDir: string, private clock: Clock, private fire: Fire, private onError: (fn: string, err: unknown) => void) {
    this.lastNow = clock.now()
  }

  start(): void {
    this.scan()
    // Real time passing: a cheap poll. Clock jumps: the clock's change hook, when it has one.
    this.tick = setInterval(() => this.check(), 250)
    this.tick.unref()
    const withHook = this.clock as Clock & { onChange?: (fn: () => void) => () => void }
    if (typeof withHook.onChange === 'function') this.unsubscribe = withHook.onChange(() => this.check())
  }

  stop(): void {
    clearInterval(this.tick)
    this.unsubscribe?.()
  }

  /** Resolves once every trigger invocation started so far has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.allSettled([...this.inflight])
  }

  list(): Array<{ fn: string; name: string; cron: string; next: string | null }> {
    return [...this.triggers.values()].map((t) => ({ fn: t.fn, name: t.name, cron: t.cron.source, next: t.next === null ? null : new Date(t.next).toISOString() }))
  }

  /** Fire every trigger whose next slot is due on the clock. */
  check(): void {
    if (Date.now() - this.lastScan > RESCAN_MS) this.scan()
    const now = this.clock.now()
    const movedBack = now < this.lastNow
    this.lastNow = now
    for (const t of this.triggers.values()) {
      if (movedBack) t.next = nextFire(t.cron, now)
      if (t.next === null || t.next > now) continue
      const slot = t.next
      t.next = nextFire(t.cron, now)
      const event: TimerEvent = { Type: 'Timer', TriggerName: t.name, Time: triggerTime(slot), Message: '' }
      const run = this.fire(t.fn, event).catch((err) => this.onError(t.fn, err))
      this.inflight.add(run)
      run.finally(() => this.inflight.delete(run))
    }
  }

  private scan(): void {
    this.lastScan = Date.now()
    let names: string[] = []
    try {
      names = fs.readdirSync(this.functionsDir)
    } catch {
      names = []
    }
    const seen = new Set<string>()
    for (const fn of names) {
      const file = path.join(this.functionsDir, fn, 'config.json')
      let mtime: number
      try {
        mtime = fs.statSync(file).mtimeMs
      } catch {
        continue
      }
      seen.add(fn)
      const known = this.triggers.get(fn)
      if ((known && known.configMtime === mtime) || this.badConfigs.get(fn) === mtime) continue
      this.triggers.delete(fn)
      try {
        const config = JSON.parse(fs.readFileSync(file, 'utf8'))
        const timer = (Array.isArray(config?.triggers) ? config.triggers : []).find((t: { type?: string }) => t?.type === 'timer')
        if (!timer) continue
        const cron = parseCron(String(timer.config))
        this.triggers.set(fn, { fn, name: String(timer.name ?? 'timer'), cron, next: nextFire(cron, this.clock.now()), configMtime: mtime })
      } catch (err) {
        this.badConfigs.set(fn, mtime)
        this.onError(fn, err)
      }
    }
    for (const fn of this.triggers.keys()) if (!seen.has(fn)) this.triggers.delete(fn)
  }
}
