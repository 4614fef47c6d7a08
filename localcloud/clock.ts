// The clock localcloud and everything it hosts reads: real time plus an offset that tests move.
import type { Clock } from './service'

export type ClockListener = (now: number, previous: number) => void

export class LocalClock implements Clock {
  private offsetMs = 0
  private listeners = new Set<ClockListener>()

  now(): number {
    return Date.now() + this.offsetMs
  }

  advance(ms: number): void {
    const before = this.now()
    this.offsetMs += ms
    this.notify(before)
  }

  set(epochMs: number): void {
    const before = this.now()
    this.offsetMs = epochMs - Date.now()
    this.notify(before)
  }

  offset(): number {
    return this.offsetMs
  }

  /** Called after every advance/set, so timer services can fire what became due. Returns an unsubscribe. */
  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  private notify(previous: number): void {
    const now = this.now()
    for (const listener of this.listeners) {
      try {
        listener(now, previous)
      } catch (err) {
        console.error('[localcloud] clock listener failed:', err)
      }
    }
  }
}

export function createClock(): LocalClock {
  return new LocalClock()
}
