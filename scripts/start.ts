// `npm start`: build the functions and the H5 app, start localcloud with demo data in .localcloud/,
// and serve the app from the same origin. Ctrl-C stops everything.
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { buildFunctions } from './build-functions'
import { ensureDemoMedia } from './demo-media'
import { extraServiceFactories, startLocalCloud } from '../localcloud/server'
import { staticFilesService } from '../localcloud/static'
import { sdkEnv } from '../localcloud/sdk-env'

const root = path.resolve(__dirname, '..')

function pointSdkAt(url: string): void {
  Object.assign(process.env, sdkEnv(url, { openid: '' }))
}

async function main(): Promise<void> {
  const port = Number(process.env.PORT ?? 8080)
  console.log('building cloud functions…')
  await buildFunctions()
  if (process.env.SKIP_H5_BUILD !== '1') {
    console.log('building the H5 app (about half a minute)…')
    execFileSync(path.join(root, 'node_modules/.bin/taro'), ['build', '--type', 'h5'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } })
  }
  const cloud = await startLocalCloud({
    // loopback only: the gateway lets whoever calls it pick an identity
    host: '127.0.0.1',
    port,
    dataDir: path.join(root, '.localcloud/data'),
    seed: 'demo',
    services: [...extraServiceFactories, () => staticFilesService(path.join(root, 'dist/h5'))],
  })
  // the committed guide PDF and demo photos go to storage like an operator's uploads (no browser needed)
  pointSdkAt(cloud.url)
  await ensureDemoMedia()
  console.log(`localcloud listening on ${cloud.url}`)
  console.log(`亲亲宝贝 H5 app: ${cloud.url}/  (pick an identity in the dark bar at the top)`)
  const stop = async () => {
    console.log('\nstopping…')
    await cloud.close()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e)
  process.exit(1)
})
