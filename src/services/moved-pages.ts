import Taro from '@tarojs/taro'
import { redirectFor } from '../../domain/pages'

/**
 * Registered once at launch: a path the app no longer has (a mini-program code made before the
 * forms moved to their subpackage) opens where the page lives now. WeChat wants the redirect made
 * inside the callback itself.
 */
export function followMovedPages(): void {
  Taro.onPageNotFound(({ path, query }) => {
    const to = redirectFor(path, query as Record<string, string>)
    void (to.how === 'redirectTo' ? Taro.redirectTo({ url: to.url }) : Taro.reLaunch({ url: to.url }))
  })
}
