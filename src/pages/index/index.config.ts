export default definePageConfig({
  navigationBarTitleText: '亲亲宝贝',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
