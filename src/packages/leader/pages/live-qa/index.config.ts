export default definePageConfig({ navigationBarTitleText: '直播问答', enablePullDownRefresh: true })
