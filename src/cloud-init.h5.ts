import { installWxCloud } from '../localcloud/h5/wx-cloud'
import { currentDevOpenid } from './components/dev/DevBar.h5'

/** H5 development build: wx.cloud is localcloud's stand-in, acting as the identity picked in the dev bar. */
export function initCloud(): void {
  installWxCloud({ getOpenid: currentDevOpenid })
}
