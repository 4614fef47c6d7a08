export default definePageConfig({ navigationBarTitleText: '晒娃日记' })
