export default definePageConfig({ navigationBarTitleText: '发布直播预告' })
