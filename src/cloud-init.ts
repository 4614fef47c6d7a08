import Taro from '@tarojs/taro'

/** Mini-program: the real wx.cloud, in the environment given at build time (default env when unset). */
export function initCloud(): void {
  const env = process.env.TARO_APP_CLOUD_ENV
  Taro.cloud.init(env ? { env, traceUser: true } : { traceUser: true })
}
