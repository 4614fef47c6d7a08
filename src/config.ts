// App-side constants that operators change per deployment, in one place.
import { TEMPLATE_IDS } from '../domain/notifications'

/** The lead gift on the landing page; the file is seeded in cloud storage (localcloud seeds it too). */
export const FEEDING_GUIDE = {
  fileID: 'cloud://local-env.qinqin/guides/feeding-guide-0-3.pdf',
  title: '0–3 岁科学喂养指南',
} as const

/** Subscribe-message templates: the same ids the functions send with. */
export { TEMPLATE_IDS }

/** Version of the privacy notice shown on the application form; sent with every application. */
export const PRIVACY_NOTICE_VERSION = 'v1'
