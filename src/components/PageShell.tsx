import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import { DevBar } from './dev/DevBar'

/** Every page's frame; on the H5 development build it carries the identity picker. */
export function PageShell(props: { children: ReactNode }) {
  return (
    <View>
      <DevBar />
      <View className='page stack'>{props.children}</View>
    </View>
  )
}
