import { Picker, Text, View } from '@tarojs/components'
import { DEFAULT_DEV_OPENID, DEMO_IDENTITIES, DEV_OPENID_KEY } from '../../../localcloud/seeds/identities'
import './identity-picker.css'

export function currentDevOpenid(): string {
  try {
    return globalThis.localStorage?.getItem(DEV_OPENID_KEY) || DEFAULT_DEV_OPENID
  } catch {
    return DEFAULT_DEV_OPENID
  }
}

/** H5 development only: act as a mother, a leader or customer service against localcloud. */
export function DevBar() {
  const current = currentDevOpenid()
  const index = Math.max(0, DEMO_IDENTITIES.findIndex((i) => i.openid === current))
  return (
    <View className='dev-identity' data-testid='identity-picker'>
      <Text className='dev-identity__label'>开发身份</Text>
      <Picker
        mode='selector'
        range={DEMO_IDENTITIES.map((i) => i.label)}
        value={index}
        onChange={(e) => {
          const picked = DEMO_IDENTITIES[Number(e.detail.value)]
          globalThis.localStorage.setItem(DEV_OPENID_KEY, picked.openid)
          globalThis.location.reload()
        }}
      >
        <Text className='dev-identity__value'>{DEMO_IDENTITIES[index].label} ▾</Text>
      </Picker>
    </View>
  )
}
