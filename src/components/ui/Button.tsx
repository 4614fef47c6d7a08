import { Button as TaroButton, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import './ui.css'

export interface ButtonProps {
  children: ReactNode
  onClick?: () => void
  variant?: 'primary' | 'secondary' | 'ghost'
  block?: boolean
  disabled?: boolean
  loading?: boolean
  openType?: 'getPhoneNumber' | 'share' | 'contact'
  testId?: string
}

/** The one button: loading and disabled both block taps so a nervous double tap never submits twice. */
export function Button({ children, onClick, variant = 'primary', block, disabled, loading, openType, testId }: ButtonProps) {
  const inactive = Boolean(disabled || loading)
  const cls = ['ui-button', `ui-button--${variant}`, block ? 'ui-button--block' : '', inactive ? 'ui-button--disabled' : '']
  return (
    <TaroButton
      className={cls.join(' ')}
      // H5 renders `disabled="false"` as an attribute, which its stylesheet greys out: omit when false
      disabled={inactive || undefined}
      openType={openType}
      data-testid={testId}
      onClick={() => {
        if (!inactive) onClick?.()
      }}
    >
      {/* our own spinner: the platform's `loading` inserts an icon React does not own, and H5 then
          fails to patch the button's children ("insertBefore") */}
      {loading ? <View className='ui-button__spinner' /> : null}
      {children}
    </TaroButton>
  )
}
