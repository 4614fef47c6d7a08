// The page paths that messages, links and the H5 landing name (domain/pages.ts) against the pages
// app.config.ts declares: a page moved to a subpackage must take every link along.
import { MOVED_PAGES, PAGES, pageUrl, redirectFor } from '../../domain/pages'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  preloadRule: Record<string, { packages: string[] }>
  tabBar: { list: { pagePath: string }[] }
}

function appConfig(): AppConfig {
  const g = globalThis as { defineAppConfig?: (c: AppConfig) => AppConfig }
  g.defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../../src/app.config') as { default: AppConfig }).default
}

const config = appConfig()
const declared = [...config.pages, ...config.subPackages.flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]

test('every page named in domain/pages.ts is declared in app.config.ts', () => {
  const missing = Object.entries(PAGES).filter(([, path]) => !declared.includes(path))
  expect(missing).toEqual([])
})

test('an old path is no page any more, and leads to one that is', () => {
  for (const [old, now] of Object.entries(MOVED_PAGES)) {
    expect([old, declared.includes(old)]).toEqual([old, false])
    expect(declared).toContain(PAGES[now])
  }
})

test('the main package holds the tab pages only; the forms are a subpackage every linking tab preloads', () => {
  const tabs = config.tabBar.list.map((t) => t.pagePath)
  expect([...config.pages].sort()).toEqual([...tabs].sort())
  const forms = config.subPackages.find((s) => s.root === 'packages/forms')
  expect(forms?.pages.map((p) => `packages/forms/${p}`).sort()).toEqual([PAGES.apply, PAGES.qa, PAGES.diaryNew, PAGES.diaryEdit].sort())
  for (const tab of [PAGES.home, PAGES.diary, PAGES.me]) expect([tab, config.preloadRule[tab]?.packages]).toEqual([tab, expect.arrayContaining(['packages/forms'])])
})

test('pageUrl adds the slash and encodes the query, leaving out empty values', () => {
  expect(pageUrl('apply')).toBe('/packages/forms/pages/apply/index')
  expect(pageUrl('diaryEdit', { id: 'd1', text: '第一次 & 最后', photo: undefined })).toBe(`/packages/forms/pages/diary-edit/index?id=d1&text=${encodeURIComponent('第一次 & 最后')}`)
})

test('an old link opens the page where it lives now, with its query; an unknown one opens home', () => {
  expect(redirectFor('pages/apply/index')).toEqual({ url: '/packages/forms/pages/apply/index', how: 'redirectTo' })
  expect(redirectFor('/pages/qa/index', { from: 'poster' })).toEqual({ url: '/packages/forms/pages/qa/index?from=poster', how: 'redirectTo' })
  expect(redirectFor('pages/nowhere/index', { a: '1' })).toEqual({ url: '/pages/index/index', how: 'reLaunch' })
})
