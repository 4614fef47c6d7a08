export default defineAppConfig({
  // main package: the tab pages; staff consoles are subpackages she never downloads
  pages: ['pages/index/index', 'pages/me/index', 'pages/diary/index'],
  subPackages: [
    {
      root: 'packages/leader',
      pages: [
        'pages/home/index', 'pages/review/index', 'pages/members/index', 'pages/roles/index', 'pages/posts/index', 'pages/contests/index',
        'pages/lives/index', 'pages/live-edit/index', 'pages/live-qa/index', 'pages/trace/index',
      ],
    },
    { root: 'packages/service', pages: ['pages/home/index'] },
    // mothers' live previews and the trace lookup: a tap away from home, so home preloads them
    { root: 'packages/live', pages: ['pages/list/index', 'pages/detail/index', 'pages/trace/index'] },
    // the forms that check her input with the functions' zod schemas (apply, ask, post and correct a
    // diary): zod stays out of the main package; the tabs that link here preload it in the background
    { root: 'packages/forms', pages: ['pages/apply/index', 'pages/qa/index', 'pages/diary-new/index', 'pages/diary-edit/index'] },
  ],
  preloadRule: {
    'pages/index/index': { network: 'all', packages: ['packages/live', 'packages/forms'] },
    'pages/diary/index': { network: 'all', packages: ['packages/forms'] },
    'pages/me/index': { network: 'all', packages: ['packages/forms'] },
  },
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#FF7A8A',
    navigationBarTitleText: '亲亲宝贝',
    navigationBarTextStyle: 'white',
    backgroundColor: '#FAF7F7',
    // H5 draws WeChat's bar (title, back / home) only when asked; the mini-program always has it
    navigationStyle: 'default',
  },
  tabBar: {
    color: '#7A7A7A',
    selectedColor: '#E85D6F',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页', iconPath: 'assets/tabbar/home.png', selectedIconPath: 'assets/tabbar/home-active.png' },
      { pagePath: 'pages/diary/index', text: '晒娃', iconPath: 'assets/tabbar/diary.png', selectedIconPath: 'assets/tabbar/diary-active.png' },
      { pagePath: 'pages/me/index', text: '我的', iconPath: 'assets/tabbar/me.png', selectedIconPath: 'assets/tabbar/me-active.png' },
    ],
  },
})
