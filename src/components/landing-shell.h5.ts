import { LANDING_SHELL_ID } from '../services/first-screen'

/**
 * The H5 page shows a static copy of the landing page until the app draws its first page
 * (config/landing-shell.ts); that page removes it in the same frame it paints itself.
 */
export function dropLandingShell(): void {
  document.getElementById(LANDING_SHELL_ID)?.remove()
}
