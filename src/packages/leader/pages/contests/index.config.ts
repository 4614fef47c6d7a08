export default definePageConfig({ enablePullDownRefresh: true, navigationBarTitleText: '晒娃活动' })
