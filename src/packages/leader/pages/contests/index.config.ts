export default definePageConfig({ navigationBarTitleText: '晒娃活动' })
