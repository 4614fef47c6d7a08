export default definePageConfig({ navigationBarTitleText: '溯源码' })
