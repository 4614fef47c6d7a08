// Test-only race tool: hold the next `count` matching database calls until all of them have
// arrived, then let them all go in the same turn of the event loop. A race test thereby forces the
// overlap it claims to test (every reader sees the same state before anyone writes) instead of
// hoping the scheduler produces it. Nothing waits unless a test sets a barrier.
import { CloudError } from './errors'

/** Which admin calls a barrier holds: get = getDocument, count = calculateDocument, add = insertDocument,
 * update = modifyDocument / modifyAndReturnDoc, remove = removeDocument. */
export type BarrierAction = 'get' | 'count' | 'add' | 'update' | 'remove'

export interface BarrierOptions {
  collection: string
  /** default 'get'; in or out of transactions alike */
  action?: BarrierAction
  /** how many calls to hold, then release together */
  count: number
  /** fail loudly when fewer than `count` calls arrive in this time (default 5000 ms) */
  timeoutMs?: number
}

export const ACTION_OF: Record<string, BarrierAction> = {
  'database.getDocument': 'get',
  'database.calculateDocument': 'count',
  'database.insertDocument': 'add',
  'database.modifyDocument': 'update',
  'database.modifyAndReturnDoc': 'update',
  'database.removeDocument': 'remove',
}

interface Pending {
  collection: string
  action: BarrierAction
  count: number
  arrived: number
  gate: Promise<void>
  open(): void
  fail(err: Error): void
  timer: NodeJS.Timeout
}

export class Barriers {
  private pending: Pending[] = []

  /** Resolves once `count` matching calls have arrived (they are then released); rejects on timeout. */
  set(options: BarrierOptions): Promise<void> {
    const { collection, action = 'get', count, timeoutMs = 5000 } = options
    if (!collection || !Number.isInteger(count) || count < 1) throw new Error('barrier needs a collection and a positive integer count')
    let open!: () => void
    let fail!: (err: Error) => void
    const gate = new Promise<void>((resolve, reject) => {
      open = resolve
      fail = reject
    })
    // The held calls see the failure as their own answer; this keeps an unawaited barrier from
    // becoming an unhandled rejection while the caller who awaits it still gets the error.
    gate.catch(() => undefined)
    const entry: Pending = {
      collection,
      action,
      count,
      arrived: 0,
      gate,
      open,
      fail,
      timer: setTimeout(() => {
        this.drop(entry)
        fail(new Error(`barrier on ${collection}.${action}: ${entry.arrived} of ${count} calls arrived within ${timeoutMs} ms`))
      }, timeoutMs),
    }
    this.pending.push(entry)
    return gate
  }

  /** Called first by every database action; answers at once unless a barrier holds this call. */
  async arrive(adminAction: string, collection: unknown): Promise<void> {
    if (this.pending.length === 0) return
    const action = ACTION_OF[adminAction]
    const entry = this.pending.find(p => p.collection === collection && p.action === action)
    if (!entry) return
    entry.arrived++
    if (entry.arrived === entry.count) {
      this.drop(entry)
      entry.open()
    }
    try {
      await entry.gate
    } catch (err) {
      throw new CloudError('SYS_ERR', (err as Error).message)
    }
  }

  /** Fails every barrier still waiting (on shutdown). */
  clear(): void {
    for (const entry of [...this.pending]) {
      this.drop(entry)
      entry.fail(new Error(`barrier on ${entry.collection}.${entry.action} cleared with ${entry.arrived} of ${entry.count} calls`))
    }
  }

  private drop(entry: Pending): void {
    clearTimeout(entry.timer)
    this.pending = this.pending.filter(p => p !== entry)
  }
}
