// Names shared by the app and the H5 page it boots in (config/landing-shell.ts draws the landing
// page as static HTML before the scripts arrive). Kept free of Taro so the build config can read them.

/** Where the device remembers her status as last heard (member.ts writes it through Taro storage). */
export const LAST_STATUS_KEY = 'last-member-status'

/** The static landing page's element; the first page the app draws removes it. */
export const LANDING_SHELL_ID = 'landing-shell'
