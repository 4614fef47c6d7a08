export default defineAppConfig({
  pages: ['pages/index/index', 'pages/me/index'],
  subPackages: [
    { root: 'packages/leader', pages: ['pages/review/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#FF7A8A',
    navigationBarTitleText: '亲亲宝贝',
    navigationBarTextStyle: 'white',
    backgroundColor: '#FAF7F7',
  },
  tabBar: {
    color: '#7A7A7A',
    selectedColor: '#E85D6F',
    backgroundColor: '#FFFFFF',
    borderStyle: 'white',
    list: [
      { pagePath: 'pages/index/index', text: '首页' },
      { pagePath: 'pages/me/index', text: '我的' },
    ],
  },
})
