// Sharing to a WeChat chat or Moments: what a share says and where opening it lands. A share of a
// post or diary names the item in its link, so a mother who opens it lands on that item, and a
// visitor lands on the landing page told what was shared with her.
import Taro from '@tarojs/taro'

export interface ShareContent {
  title: string
  path: string
  imageUrl?: string
}

export const LANDING_SHARE: ShareContent = {
  title: '亲亲宝贝妈妈圈：真实妈妈的育儿干货、专家答疑和放心好物',
  path: '/pages/index/index',
}

/** Short enough for a chat card's title. */
const clip = (text: string, max = 24) => (text.length > max ? `${text.slice(0, max)}…` : text)

export function postShare(post: { id: string; title: string; coverFileID?: string }): ShareContent {
  return {
    title: post.title,
    path: `/pages/index/index?post=${encodeURIComponent(post.id)}&t=${encodeURIComponent(clip(post.title))}`,
    ...(post.coverFileID ? { imageUrl: post.coverFileID } : {}),
  }
}

export function diaryShare(diary: { id: string; text: string; authorName: string; photoFileID: string }): ShareContent {
  const title = `${diary.authorName}晒娃：${clip(diary.text, 18)}`
  return { title, path: `/pages/diary/index?diary=${encodeURIComponent(diary.id)}&t=${encodeURIComponent(title)}`, imageUrl: diary.photoFileID }
}

/** Moments takes a query, not a path. */
export function timelineOf(share: ShareContent): { title: string; query: string; imageUrl?: string } {
  const query = share.path.includes('?') ? share.path.slice(share.path.indexOf('?') + 1) : ''
  return { title: share.title, query, ...(share.imageUrl ? { imageUrl: share.imageUrl } : {}) }
}

/** What a shared link named: the item's id and its title, when the page was opened from a share. */
export function sharedItem(params: Record<string, string | undefined>, key: 'post' | 'diary'): { id: string; title: string } | undefined {
  const id = params[key]
  if (!id) return undefined
  const title = params.t ? safeDecode(params.t) : ''
  return { id: safeDecode(id), title }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s)
  } catch {
    return s
  }
}

/** H5 has no share sheet: the link goes to the clipboard, ready to paste into a chat. */
export async function copyShareLink(share: ShareContent): Promise<void> {
  const href = `${globalThis.location.origin}${globalThis.location.pathname}#${share.path}`
  await Taro.setClipboardData({ data: `${share.title} ${href}` })
  await Taro.showToast({ title: '链接已复制，粘贴给好友吧', icon: 'none' })
}
