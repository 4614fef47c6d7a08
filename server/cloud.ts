// The one place a function touches wx-server-sdk's globals. `init` is idempotent per process
// (a warm instance serves many invocations).
import * as cloud from 'wx-server-sdk'

export type Database = ReturnType<typeof cloud.database>

let initialised = false

export function sdk(): typeof cloud {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    initialised = true
  }
  return cloud
}
