export default definePageConfig({ navigationBarTitleText: '溯源查验', enableShareAppMessage: true })
