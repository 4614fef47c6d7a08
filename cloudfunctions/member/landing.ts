import type { LandingView } from '../../domain/api'
import { readSetting, type LandingSettings } from '../../server/collections/settings'
import type { ActionContext } from '../../server/router'

/** member.landing: the lead gift (the feeding guide in cloud storage), as the operator configured it. */
export async function landing(_input: unknown, ctx: ActionContext): Promise<LandingView> {
  const settings = await readSetting<LandingSettings>(ctx.db, 'landing')
  return { guide: settings?.guide ?? null }
}
