// Evidence files in cloud storage: images previewed full size, documents opened.
import Taro from '@tarojs/taro'
import { backend } from '../../../services/backend'

/** Sources the full-size preview can show: weapp takes `cloud://` ids, H5 needs temporary URLs. */
async function previewSources(fileIDs: string[]): Promise<string[]> {
  if (process.env.TARO_ENV !== 'h5') return fileIDs
  const res = await backend().getTempFileURL({ fileList: fileIDs })
  return fileIDs.map((id) => res.fileList.find((f) => f.fileID === id)?.tempFileURL ?? '')
}

/** Full-size preview of one image, swiping through the others of the gallery. */
export async function previewImages(fileIDs: string[], current: string): Promise<void> {
  const urls = await previewSources(fileIDs)
  await Taro.previewImage({ urls, current: urls[fileIDs.indexOf(current)] ?? urls[0] })
}

/**
 * A replay kept in cloud storage: WeChat's full-screen player on weapp (no <Video> in the page, whose
 * template would weigh on the main package), a new tab on H5.
 */
export async function playCloudVideo(fileID: string): Promise<void> {
  const res = await backend().getTempFileURL({ fileList: [fileID] })
  const url = res.fileList[0]?.tempFileURL
  if (!url) throw new Error(`no temp URL for ${fileID}`)
  if (process.env.TARO_ENV === 'h5') {
    globalThis.open(url, '_blank')
    return
  }
  await Taro.previewMedia({ sources: [{ url, type: 'video' }] })
}
