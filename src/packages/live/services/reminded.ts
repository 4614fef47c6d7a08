// Which lives she reserved on WeChat Channels from this device (WeChat tells nobody), and which she
// asked us to remind her of: `live.get` says the latter too, from any device; this copy shows
// 已提醒 at once after the tap.
import Taro from '@tarojs/taro'

export type Reminded = 'reminded' | 'reserved'

const key = (liveId: string) => `qq.live.reminded.${liveId}`

export function remindedOf(liveId: string): Reminded | undefined {
  try {
    const v: unknown = Taro.getStorageSync(key(liveId))
    return v === 'reminded' || v === 'reserved' ? v : undefined
  } catch {
    return undefined
  }
}

export function rememberReminded(liveId: string, how: Reminded): void {
  try {
    Taro.setStorageSync(key(liveId), how)
  } catch {
    // storage full: the button just offers 提醒我 again next time
  }
}
