import { Text, View } from '@tarojs/components'
import { CheckRow } from '../../../components/member/CheckRow'
import '../../../components/member/styles'

/** The PIPL notice: what we collect, why, and her rights; she must tick it herself. */
export function PrivacyConsent(props: { checked: boolean; onToggle: () => void }) {
  return (
    <View className='stack'>
      <View className='m-notice' data-testid='privacy-notice'>
        <Text className='title'>个人信息收集说明</Text>
        <View>
          <Text>我们会收集：昵称、宝宝生日/预产期、需求、城市、手机号。</Text>
        </View>
        <View>
          <Text>用于：审核入群、按宝宝阶段推荐内容、售后回访。</Text>
        </View>
        <View>
          <Text>不会用于其他用途，也不会提供给第三方。你可以随时在「我的」页面导出或注销自己的数据。</Text>
        </View>
      </View>
      <CheckRow checked={props.checked} onToggle={props.onToggle} label='同意个人信息收集说明'>
        我已阅读并同意《个人信息收集说明》
      </CheckRow>
    </View>
  )
}
