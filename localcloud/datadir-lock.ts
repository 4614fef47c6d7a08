// One localcloud per data directory. Two servers on one directory would each keep their own
// clock, transactions, workers and timers over the same files.
//
// The lock is an operating-system lock, not a pid file: SQLite holds an exclusive lock on
// `<dir>/localcloud.lock` for as long as the connection is open (locking_mode=EXCLUSIVE after a
// write). The OS drops it when the process ends however it ends, so a `kill -9` leaves no stale
// lock, and a recycled pid can never keep a directory locked. SQLite also sees a lock held by
// another connection of the same process, so `startLocalCloud` twice in one process is refused too.
// The holder's pid goes in `<dir>/localcloud.pid`, only to name it in the refusal.
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'

export const LOCK_FILE = 'localcloud.lock'
export const PID_FILE = 'localcloud.pid'

export class DataDirInUseError extends Error {
  readonly code = 'DATA_DIR_IN_USE'
  constructor(
    readonly dataDir: string,
    readonly pid: number | null,
  ) {
    super(
      `the data directory ${dataDir} is in use by another localcloud` +
        (pid ? ` (pid ${pid})` : '') +
        '; stop that one first, or start this one with another --data directory',
    )
  }
}

export interface DataDirLock {
  release(): void
}

function holderPid(dataDir: string): number | null {
  try {
    const pid = Number(fs.readFileSync(path.join(dataDir, PID_FILE), 'utf8').trim())
    return Number.isInteger(pid) && pid > 0 ? pid : null
  } catch {
    return null
  }
}

/** Takes the directory's lock, or throws DataDirInUseError naming the holder. */
export function lockDataDir(dataDir: string): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true })
  // timeout 0: a held lock answers at once instead of waiting for it
  const db = new Database(path.join(dataDir, LOCK_FILE), { timeout: 0 })
  try {
    db.pragma('locking_mode = EXCLUSIVE')
    db.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER NOT NULL, since TEXT NOT NULL)')
    db.transaction(() => {
      db.exec('DELETE FROM holder')
      db.prepare('INSERT INTO holder (pid, since) VALUES (?, ?)').run(process.pid, new Date().toISOString())
    }).immediate()
  } catch (err) {
    db.close()
    if ((err as { code?: string }).code?.startsWith('SQLITE_BUSY') || (err as { code?: string }).code?.startsWith('SQLITE_LOCKED')) {
      throw new DataDirInUseError(dataDir, holderPid(dataDir))
    }
    throw err
  }
  fs.writeFileSync(path.join(dataDir, PID_FILE), `${process.pid}\n`)
  let released = false
  return {
    release() {
      if (released) return
      released = true
      if (holderPid(dataDir) === process.pid) fs.rmSync(path.join(dataDir, PID_FILE), { force: true })
      db.close()
    },
  }
}
