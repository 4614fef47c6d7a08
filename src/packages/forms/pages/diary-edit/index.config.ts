export default definePageConfig({ navigationBarTitleText: '修改日记' })
