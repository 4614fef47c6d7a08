// Files a leader brings in: evidence (photos and PDFs), a CSV of can codes. weapp picks from the
// album or a chat (chooseMessageFile: where a factory's PDF or CSV arrives); H5 has no such API, so a
// file input stands in. Uploads go to cloud storage under a collision-free name.
import Taro from '@tarojs/taro'
import { backend } from '../../../../services/backend'
import { CloudError } from '../../../../services/cloud'
import { choosePhoto } from '../../../../services/upload'

export interface PickedFile {
  /** a local path (weapp) or a blob: URL (H5) that uploadFile reads */
  path: string
  name: string
  size?: number
}

/** A scanned report is a few MB; anything far larger is most likely the wrong file. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024

const isH5 = process.env.TARO_ENV === 'h5'

/** H5: a hidden file input, clicked inside her tap; undefined when she closes the chooser. */
function pickOnH5(accept: string): Promise<File | undefined> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = accept
    input.style.display = 'none'
    const done = (file: File | undefined) => {
      input.remove()
      resolve(file)
    }
    input.addEventListener('change', () => done(input.files?.[0]))
    input.addEventListener('cancel', () => done(undefined))
    document.body.appendChild(input)
    input.click()
  })
}

async function fromChat(extension: string[]): Promise<PickedFile | undefined> {
  try {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension })
    const f = res.tempFiles[0]
    return f ? { path: f.path, name: f.name, size: f.size } : undefined
  } catch {
    return undefined // cancelled
  }
}

/** A photo (album or camera) for a cover or the host. */
export async function pickImage(): Promise<PickedFile | undefined> {
  if (isH5) {
    const file = await pickOnH5('image/*')
    return file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : undefined
  }
  const path = await choosePhoto()
  return path ? { path, name: path.split('/').pop() ?? 'photo.jpg' } : undefined
}

/** Evidence: a photo of a document, or a PDF (on weapp from a chat, where the factory sent it). */
export async function pickDocument(): Promise<PickedFile | undefined> {
  if (isH5) {
    const file = await pickOnH5('image/*,.pdf,application/pdf')
    return file ? { path: URL.createObjectURL(file), name: file.name, size: file.size } : undefined
  }
  let tapIndex: number
  try {
    ;({ tapIndex } = await Taro.showActionSheet({ itemList: ['从相册选图片', '从聊天记录选 PDF 或图片'] }))
  } catch {
    return undefined
  }
  return tapIndex === 0 ? pickImage() : fromChat(['pdf', 'jpg', 'jpeg', 'png'])
}

/** A text file (CSV) read whole; undefined when she cancels. */
export async function pickTextFile(): Promise<{ name: string; text: string } | undefined> {
  if (isH5) {
    const file = await pickOnH5('.csv,.txt,text/csv,text/plain')
    return file ? { name: file.name, text: await file.text() } : undefined
  }
  const picked = await fromChat(['csv', 'txt'])
  if (!picked) return undefined
  const text = Taro.getFileSystemManager().readFileSync(picked.path, 'utf8') as string
  return { name: picked.name, text }
}

function extensionOf(name: string): string {
  const m = /\.(jpe?g|png|gif|webp|heic|pdf)$/i.exec(name)
  return m ? m[1].toLowerCase() : 'jpg'
}

/** Uploads under `folder/`, keeping the extension (a PDF must stay one to open as one); answers its fileID. */
export async function uploadPicked(file: PickedFile, folder: string): Promise<string> {
  if (file.size !== undefined && file.size > MAX_FILE_BYTES) throw new CloudError('BAD_INPUT', '文件不能超过 20 MB，请压缩后再传')
  const name = `${Date.now()}-${Math.random().toString(36).slice(2, 10)}.${extensionOf(file.name)}`
  try {
    const res = await backend().uploadFile({ cloudPath: `${folder}/${name}`, filePath: file.path })
    return res.fileID
  } catch {
    throw new CloudError('NETWORK', '上传没有成功，请检查网络后重试')
  } finally {
    if (isH5 && file.path.startsWith('blob:')) URL.revokeObjectURL(file.path)
  }
}
