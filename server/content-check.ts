// WeChat's content security check for everything a user writes. Shared by every function that
// stores user text: call it before writing, so rejected text is never stored.
import { AppError } from '../domain/errors'

/** msgSecCheck v2 scenes: 1 profile, 2 comment, 3 forum, 4 social log. */
export type CheckScene = 1 | 2 | 3 | 4

export const SCENE = { profile: 1, comment: 2, forum: 3, socialLog: 4 } as const satisfies Record<string, CheckScene>

interface MsgSecCheckApi {
  security: { msgSecCheck(params: { content: string; version: 2; scene: CheckScene; openid: string }): Promise<unknown> }
}

/** The slice of wx-server-sdk this module needs; the SDK types `openapi` loosely, so any object fits. */
export interface ContentCheckCloud {
  openapi: object
}

export const CHECK_UNAVAILABLE = '内容安全检查暂时不可用，请稍后再试'

async function isSafe(cloud: ContentCheckCloud, openid: string, content: string, scene: CheckScene): Promise<boolean> {
  let res: unknown
  try {
    res = await (cloud.openapi as MsgSecCheckApi).security.msgSecCheck({ content, version: 2, scene, openid })
  } catch (e) {
    // unchecked text is never stored: refuse (fail closed) and leave a trace for the operators
    console.error('[content-check] msgSecCheck failed', e)
    throw new AppError('CONTENT_REJECTED', CHECK_UNAVAILABLE)
  }
  const suggest = (res as { result?: { suggest?: unknown } } | undefined)?.result?.suggest
  if (suggest === undefined) {
    console.error('[content-check] msgSecCheck answered without a verdict', res)
    throw new AppError('CONTENT_REJECTED', CHECK_UNAVAILABLE)
  }
  return suggest === 'pass'
}

/** Throws CONTENT_REJECTED unless every non-empty text passes; checks run in parallel. */
export async function assertSafeText(cloud: ContentCheckCloud, openid: string, texts: readonly (string | undefined)[], scene: CheckScene): Promise<void> {
  const toCheck = texts.map((t) => t?.trim() ?? '').filter(Boolean)
  const verdicts = await Promise.all(toCheck.map((t) => isSafe(cloud, openid, t, scene)))
  if (verdicts.some((ok) => !ok)) throw new AppError('CONTENT_REJECTED')
}
