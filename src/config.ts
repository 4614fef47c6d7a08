// App-side constants that operators change per deployment, in one place.
import { TEMPLATE_IDS } from '../domain/notifications'

/**
 * The lead gift's fileID is not a constant: it differs per cloud environment, so operators set it
 * in `settings/landing` and the page reads it through `member.landing` (docs/DEPLOY.md §6).
 */

/** Subscribe-message templates: the same ids the functions send with. */
export { TEMPLATE_IDS }

/** Version of the privacy notice shown on the application form; sent with every application. */
export const PRIVACY_NOTICE_VERSION = 'v1'
