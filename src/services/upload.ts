// Photos into cloud storage: pick one, upload it. weapp goes through Taro.cloud; H5 through
// localcloud's wx.cloud stand-in, which offers the same uploadFile.
import Taro from '@tarojs/taro'
import { backend } from './backend'

const storage = backend

/** Lets her pick one photo (album or camera); undefined when she cancels. */
export async function choosePhoto(): Promise<string | undefined> {
  try {
    const res = await Taro.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['album', 'camera'] })
    return res.tempFiles[0]?.tempFilePath
  } catch {
    return undefined // cancelled: not an error worth a message
  }
}

function extensionOf(path: string): string {
  const m = /\.(jpe?g|png|gif|webp|heic)$/i.exec(path)
  return m ? m[1].toLowerCase() : 'jpg'
}

/** Uploads a picked photo under `folder/` with a collision-free name; answers its fileID. */
export async function uploadPhoto(localPath: string, folder: string): Promise<string> {
  const name = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extensionOf(localPath)}`
  const res = await storage().uploadFile({ cloudPath: `${folder}/${name}`, filePath: localPath })
  return res.fileID
}
