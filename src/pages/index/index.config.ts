export default definePageConfig({ navigationBarTitleText: '亲亲宝贝' })
