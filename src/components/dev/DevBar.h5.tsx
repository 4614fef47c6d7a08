import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { DEFAULT_DEV_OPENID, DEMO_IDENTITIES, DEV_OPENID_KEY } from '../../../localcloud/seeds/identities'
import { forgetStatus } from '../../services/member'
import './identity-picker.css'

export function currentDevOpenid(): string {
  try {
    return globalThis.localStorage?.getItem(DEV_OPENID_KEY) || DEFAULT_DEV_OPENID
  } catch {
    return DEFAULT_DEV_OPENID
  }
}

function labelOf(openid: string): string {
  return DEMO_IDENTITIES.find((i) => i.openid === openid)?.label ?? openid
}

/** H5 development only: act as a mother, a leader or customer service against localcloud. */
export function DevBar() {
  const current = currentDevOpenid()
  const [open, setOpen] = useState(false)
  const pick = (openid: string) => {
    globalThis.localStorage.setItem(DEV_OPENID_KEY, openid)
    // the remembered status was the previous identity's
    forgetStatus()
    globalThis.location.reload()
  }
  return (
    <View className='dev-identity' data-testid='identity-picker'>
      <View className='dev-identity__bar' onClick={() => setOpen(!open)}>
        <Text className='dev-identity__label'>开发身份</Text>
        <Text className='dev-identity__value'>{labelOf(current)} {open ? '▴' : '▾'}</Text>
      </View>
      {open ? (
        <View className='dev-identity__menu' role='menu'>
          {DEMO_IDENTITIES.map((i) => (
            <View
              key={i.openid}
              role='menuitem'
              className={`dev-identity__item${i.openid === current ? ' dev-identity__item--on' : ''}`}
              onClick={() => pick(i.openid)}
            >
              {i.label}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  )
}
