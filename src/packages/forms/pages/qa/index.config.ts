export default definePageConfig({ navigationBarTitleText: '专家答疑', enablePullDownRefresh: true })
