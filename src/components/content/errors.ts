import { toCloudError } from '../../services/cloud'

/** The message to show for a failed call, whatever was thrown. */
export function messageOf(e: unknown): string {
  return toCloudError(e).message
}
