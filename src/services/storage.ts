// Photos in cloud storage: show one (picking and uploading live in upload.ts, apart: the picker
// alone weighs more on H5 than the landing page that shows photos). weapp goes through
// Taro.cloud; H5 through localcloud's wx.cloud stand-in, which offers the same getTempFileURL.
import { backend } from './backend'

const storage = backend

/** A src an <Image> can show: weapp shows `cloud://` ids natively, H5 needs a temporary URL. */
export async function photoSrc(fileID: string): Promise<string> {
  if (process.env.TARO_ENV !== 'h5') return fileID
  const res = await storage().getTempFileURL({ fileList: [fileID] })
  return res.fileList[0]?.tempFileURL ?? ''
}
