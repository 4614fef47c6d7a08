export default definePageConfig({ navigationBarTitleText: '晒晒宝宝' })
