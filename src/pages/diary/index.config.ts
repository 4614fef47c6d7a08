export default definePageConfig({
  navigationBarTitleText: '晒娃日记',
  enablePullDownRefresh: true,
  enableShareAppMessage: true,
  enableShareTimeline: true,
})
