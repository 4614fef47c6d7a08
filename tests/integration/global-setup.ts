// Integration tests run the exact bundles that would be uploaded: build them once per run.
import { buildFunctions } from '../../scripts/build-functions'

export default async function globalSetup(): Promise<void> {
  await buildFunctions()
}
