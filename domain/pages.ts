// The app's page paths that something outside the page itself names: a subscribe message sent by
// a function, a link from another page, the H5 landing's static button. One list, checked against
// app.config.ts by a unit test, so a moved page cannot leave a link behind. Paths are as WeChat
// writes them in app.json and in a message's `page` (no leading slash); navigation adds one.
export const PAGES = {
  home: 'pages/index/index',
  diary: 'pages/diary/index',
  me: 'pages/me/index',
  // the forms that validate with zod: a subpackage, so the main package never carries zod
  apply: 'packages/forms/pages/apply/index',
  qa: 'packages/forms/pages/qa/index',
  diaryNew: 'packages/forms/pages/diary-new/index',
  diaryEdit: 'packages/forms/pages/diary-edit/index',
  liveDetail: 'packages/live/pages/detail/index',
} as const

export type PageName = keyof typeof PAGES

/** `/path?k=v&…` for Taro's navigation calls (values encoded, empty ones left out). */
export function pageUrl(name: PageName, query: Record<string, string | undefined> = {}): string {
  const pairs = Object.entries(query)
    .filter((e): e is [string, string] => Boolean(e[1]))
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
  return `/${PAGES[name]}${pairs.length > 0 ? `?${pairs.join('&')}` : ''}`
}

/**
 * Where a page used to live → where it lives now. Nothing we send names an old path (the apply and
 * Q&A pages offer no share, and no message opens them), but a mini-program code made in the admin
 * console before the move would: the app forwards such a path instead of WeChat's "页面不存在".
 */
export const MOVED_PAGES: Readonly<Record<string, PageName>> = {
  'pages/apply/index': 'apply',
  'pages/qa/index': 'qa',
}

/**
 * Where a path the app no longer has should go: a page that moved opens where it lives now, with
 * the query it came with (as the platform handed it over, already in URL form); anything else
 * opens home, better than WeChat's "页面不存在", a dead end with no way in.
 */
export function redirectFor(path: string, query: Record<string, string> = {}): { url: string; how: 'redirectTo' | 'reLaunch' } {
  const moved = MOVED_PAGES[path.replace(/^\//, '')]
  if (!moved) return { url: `/${PAGES.home}`, how: 'reLaunch' }
  const qs = Object.entries(query).map(([k, v]) => `${k}=${v}`).join('&')
  return { url: `/${PAGES[moved]}${qs ? `?${qs}` : ''}`, how: 'redirectTo' }
}
