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

/**
 * Customer service, for a mother whose can fails the trace check (假一赔十): the after-sales phone
 * line and the service WeChat account. Set your own before building (docs/DEPLOY.md).
 */
export const CUSTOMER_SERVICE = {
  phone: '400-000-0000',
  wechat: 'qinqin-kefu',
  hours: '每天 9:00–21:00',
} as const
