export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '会员管理' })
