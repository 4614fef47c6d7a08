import { Button as TaroButton, Input, Text, View } from '@tarojs/components'
import '../../../components/member/styles'

export type Platform = 'weapp' | 'h5'

/**
 * weapp: WeChat's own phone-number button; we only get a one-time code, the function turns it into
 * the number. H5: she types it. Either way it is optional: a refusal never blocks the application.
 */
export function PhoneField(props: {
  platform: Platform
  phone: string
  phoneCode: string
  onPhone: (phone: string) => void
  onCode: (code: string) => void
  invalid?: boolean
}) {
  if (props.platform === 'h5') {
    return (
      <Input
        className={`m-input${props.invalid ? ' m-input--error' : ''}`}
        type='number'
        maxlength={11}
        value={props.phone}
        placeholder='11 位手机号'
        data-testid='apply-phone'
        onInput={(e) => props.onPhone(e.detail.value)}
      />
    )
  }
  return (
    <View>
      {props.phoneCode ? <Text className='muted'>已授权手机号 ✓ </Text> : null}
      <TaroButton
        className='ui-button ui-button--secondary'
        openType='getPhoneNumber'
        data-testid='apply-phone-button'
        onGetPhoneNumber={(e) => {
          // a refusal comes back without a code: keep whatever she granted before
          if (e.detail.code) props.onCode(e.detail.code)
        }}
      >
        {props.phoneCode ? '重新获取手机号' : '微信授权手机号'}
      </TaroButton>
    </View>
  )
}
