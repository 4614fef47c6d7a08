import Taro from '@tarojs/taro'

/** The slice of `wx.cloud` the app uses; on H5 the development stand-in provides the same shape. */
export interface CloudBackend {
  callFunction(options: { name: string; data: Record<string, unknown> }): Promise<{ result?: unknown }>
  getTempFileURL(options: { fileList: string[] }): Promise<{ fileList: { fileID: string; tempFileURL: string; status?: number }[] }>
  uploadFile(options: { cloudPath: string; filePath: string }): Promise<{ fileID: string }>
}

let cached: CloudBackend | undefined

export function backend(): CloudBackend {
  if (cached) return cached
  if (process.env.TARO_ENV === 'h5') {
    const wx = (globalThis as { wx?: { cloud?: CloudBackend } }).wx
    if (!wx?.cloud) throw new Error('wx.cloud is not installed on this page')
    cached = wx.cloud
  } else {
    cached = Taro.cloud as unknown as CloudBackend
  }
  return cached
}

/** For tests: forget the resolved backend. */
export function resetBackend(): void {
  cached = undefined
}
