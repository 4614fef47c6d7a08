export default definePageConfig({ navigationBarTitleText: '干货与答疑' })
