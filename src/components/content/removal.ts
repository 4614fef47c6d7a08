import Taro from '@tarojs/taro'
import { toCloudError } from '../../services/cloud'

/**
 * "Confirm, take it off the list at once, then tell the function": the one shape every delete in
 * the content pages follows. Already gone (NOT_FOUND) counts as done; any other failure puts the
 * item back and says why. Answers whether it is gone.
 */
export async function confirmAndRemove(options: {
  title: string
  content: string
  /** takes the item off the list; answers how to put it back */
  removeLocally: () => { restore: () => void }
  send: () => Promise<unknown>
  done: string
}): Promise<boolean> {
  const answer = await Taro.showModal({ title: options.title, content: options.content, confirmText: '删除', confirmColor: '#d0453a' })
  if (!answer.confirm) return false
  const { restore } = options.removeLocally()
  try {
    await options.send()
  } catch (e) {
    const error = toCloudError(e)
    if (error.code !== 'NOT_FOUND') {
      restore()
      await Taro.showToast({ title: error.message, icon: 'none' })
      return false
    }
  }
  await Taro.showToast({ title: options.done, icon: 'none' })
  return true
}
