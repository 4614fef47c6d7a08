// Command line: tsx localcloud/cli.ts --port <p> --data <dir> [--seed <name>] [--manifest <path>] [--env <id>]
// Prints exactly "localcloud listening on http://127.0.0.1:<port>" once it accepts requests.
import { DataDirInUseError } from './datadir-lock'
import { startLocalCloud, type LocalCloud } from './server'

interface CliOptions {
  port: number
  data: string
  seed?: string
  manifest?: string
  env?: string
}

const USAGE = 'usage: localcloud --port <port> --data <dir> [--seed <name>] [--manifest <path>] [--env <envId>]'

export function parseArgs(argv: string[]): CliOptions {
  const values: Record<string, string> = {}
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--help' || arg === '-h') throw new Error(USAGE)
    const match = /^--(port|data|seed|manifest|env)(?:=(.*))?$/.exec(arg)
    if (!match) throw new Error(`unknown argument: ${arg}\n${USAGE}`)
    const value = match[2] ?? argv[++i]
    if (value === undefined) throw new Error(`--${match[1]} needs a value\n${USAGE}`)
    values[match[1]] = value
  }
  const port = Number(values.port ?? '0')
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`invalid --port: ${values.port}`)
  if (!values.data) throw new Error(`--data <dir> is required\n${USAGE}`)
  return { port, data: values.data, seed: values.seed, manifest: values.manifest, env: values.env }
}

async function main(): Promise<void> {
  let options: CliOptions
  try {
    options = parseArgs(process.argv.slice(2))
  } catch (err) {
    console.error((err as Error).message)
    process.exit(2)
  }
  // Handlers go in before the "listening" line: a supervisor may signal as soon as it reads it.
  const running: { cloud?: LocalCloud } = {}
  let stopping = false
  const stop = (signal: string): void => {
    if (stopping) return
    stopping = true
    Promise.resolve(running.cloud?.close())
      .then(() => process.exit(0))
      .catch(err => {
        console.error(`[localcloud] shutdown after ${signal} failed:`, err)
        process.exit(1)
      })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))

  const cloud = (running.cloud = await startLocalCloud({
    port: options.port,
    dataDir: options.data,
    seed: options.seed,
    manifest: options.manifest,
    env: options.env,
  }))
  console.log(`localcloud listening on ${cloud.url}`)
}

if (require.main === module) {
  main().catch(err => {
    // a second localcloud on the same directory is an operator's mistake, not a crash: one clear line
    if (err instanceof DataDirInUseError) console.error(`[localcloud] cannot start: ${err.message}`)
    else console.error('[localcloud] failed to start:', err)
    process.exit(1)
  })
}
