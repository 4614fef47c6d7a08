import Taro from '@tarojs/taro'

/**
 * After a refused submit: brings the first field error into view, with its field's label above it
 * (the button she tapped is at the foot of a long form, the first error usually near its top).
 */
export function scrollToFirstError(): void {
  // once the errors have rendered
  void Taro.nextTick(() => {
    Taro.pageScrollTo({ selector: '.m-field__error', offsetTop: -140, duration: 200 }).catch(() => undefined)
  })
}

export function scrollToTop(): void {
  Taro.pageScrollTo({ scrollTop: 0, duration: 200 }).catch(() => undefined)
}
