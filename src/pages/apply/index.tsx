import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { ApplyForm } from '../../components/member/ApplyForm'

const HOME = '/pages/index/index'

/** After she applies: say what happens next, then home shows her "审核中". */
async function confirmSubmitted() {
  await Taro.showModal({
    title: '申请已提交',
    content: '团长会尽快审核，结果会通过微信通知你，也可以在首页查看进度。',
    showCancel: false,
    confirmText: '好的',
  })
  // home is a tab page: relaunching it shows her new status at once
  await Taro.reLaunch({ url: HOME })
}

export default function ApplyPage() {
  return (
    <PageShell>
      <View>
        <Text className='headline'>加入亲亲宝贝妈妈圈</Text>
        <View>
          <Text className='caption'>填写几项基本信息，团长审核通过后就能参加会员专享活动啦</Text>
        </View>
      </View>
      <ApplyForm onSubmitted={confirmSubmitted} />
    </PageShell>
  )
}
