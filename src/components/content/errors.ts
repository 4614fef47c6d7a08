import { CloudError } from '../../services/cloud'

/** The message to show for a failed call, whatever was thrown. */
export function messageOf(e: unknown): string {
  return e instanceof CloudError ? e.message : '系统开小差了，请稍后再试'
}
