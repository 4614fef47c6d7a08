// The few things weapp and H5 do differently (documents, downloads, subscribe consent), behind one
// call each, so pages stay the same on both. TARO_ENV is fixed at build time: the other branch is
// dropped from each bundle.
import Taro from '@tarojs/taro'
import { acceptedTemplates } from '../../domain/notifications'
import { backend } from './backend'

const isH5 = () => process.env.TARO_ENV === 'h5'

interface H5Wx {
  requestSubscribeMessage?: (options: { tmplIds: string[] }) => Promise<unknown>
}


async function tempUrl(fileID: string): Promise<string> {
  const res = await backend().getTempFileURL({ fileList: [fileID] })
  const url = res.fileList[0]?.tempFileURL
  if (!url) throw new Error(`no temp URL for ${fileID}`)
  return url
}

/** Opens a PDF kept in cloud storage: the platform's document preview on weapp, a new tab on H5. */
export async function openCloudDocument(fileID: string): Promise<void> {
  const url = await tempUrl(fileID)
  if (isH5()) {
    globalThis.open(url, '_blank')
    return
  }
  const { tempFilePath } = await Taro.downloadFile({ url })
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true })
}

/**
 * Hands her a link to a file we prepared (her data export). H5 opens it in a new tab (a page or a
 * download, as the storage serves it); weapp cannot open web pages outside its business domains,
 * so the link goes to the clipboard for her browser.
 */
export async function openLink(url: string): Promise<'opened' | 'clipboard'> {
  if (isH5()) {
    globalThis.open(url, '_blank')
    return 'opened'
  }
  await Taro.setClipboardData({ data: url })
  return 'clipboard'
}

/**
 * Asks her to allow one notice per template. WeChat only shows the prompt when this runs inside
 * the tap itself, so call it before any other await. A refusal or an error never blocks the caller.
 */
export async function askForNotices(templateIds: string[]): Promise<void> {
  try {
    if (isH5()) {
      const wx = (globalThis as { wx?: H5Wx }).wx
      await wx?.requestSubscribeMessage?.({ tmplIds: templateIds })
      return
    }
    await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })
  } catch {
    // she said no, or the platform cannot ask: the application goes ahead anyway
  }
}

/**
 * Like askForNotices, but answers the templates she accepted (none on a refusal or an error): what
 * a one-time consent the server may count is. Call it first thing in the tap.
 */
export async function askForNoticesAccepted(templateIds: string[]): Promise<string[]> {
  try {
    const answer = isH5()
      ? await (globalThis as { wx?: H5Wx }).wx?.requestSubscribeMessage?.({ tmplIds: templateIds })
      : await Taro.requestSubscribeMessage({ tmplIds: templateIds, entityIds: [] })
    return acceptedTemplates(answer, templateIds)
  } catch {
    return []
  }
}
