import { View } from '@tarojs/components'
import { useLayoutEffect, type ReactNode } from 'react'
import { DevBar } from './dev/DevBar'
import { dropLandingShell } from './landing-shell'

/** Every page's frame; on the H5 development build it carries the identity picker. */
export function PageShell(props: { children: ReactNode }) {
  // before paint: the static landing and the first page are never on screen together
  useLayoutEffect(dropLandingShell, [])
  return (
    <View>
      <DevBar />
      <View className='page stack'>{props.children}</View>
    </View>
  )
}
