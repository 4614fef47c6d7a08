export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '入群审核' })
