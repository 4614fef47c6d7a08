// Which lives she asked to be reminded of on this device: the function records the reminder but a
// preview does not say it back, so 已提醒 is remembered here.
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
