import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { CUSTOMER_SERVICE } from '../../../config'
import { Button } from '../../../components/ui'
import './styles'

/** Ways to reach customer service: WeChat's 客服 chat (weapp), a call, or her WeChat id to add. */
export function ServiceContact() {
  const weapp = process.env.TARO_ENV === 'weapp'
  const copyWechat = async () => {
    await Taro.setClipboardData({ data: CUSTOMER_SERVICE.wechat })
    await Taro.showToast({ title: '客服微信号已复制，去微信添加好友吧', icon: 'none' })
  }
  return (
    <View className='t-contact stack' data-testid='service-contact'>
      {weapp ? (
        <Button block openType='contact'>
          💬 在线联系客服
        </Button>
      ) : null}
      <Button block variant={weapp ? 'secondary' : 'primary'} testId='service-call' onClick={() => void Taro.makePhoneCall({ phoneNumber: CUSTOMER_SERVICE.phone.replace(/-/g, '') })}>
        {`📞 拨打客服电话 ${CUSTOMER_SERVICE.phone}`}
      </Button>
      <Button block variant='ghost' testId='service-wechat' onClick={() => void copyWechat()}>
        {`复制客服微信号 ${CUSTOMER_SERVICE.wechat}`}
      </Button>
      <Text className='t-contact__line'>{`客服在线时间：${CUSTOMER_SERVICE.hours}`}</Text>
    </View>
  )
}
