export default definePageConfig({ navigationBarTitleText: '直播预告', enablePullDownRefresh: true, enableShareAppMessage: true })
