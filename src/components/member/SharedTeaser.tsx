import { Banner } from './Banner'

/** A visitor who opened a share: what was shared with her, and that joining opens it. */
export function SharedTeaser(props: { title: string; kind: 'post' | 'diary' }) {
  const what = props.kind === 'post' ? '干货' : '晒娃日记'
  return <Banner tone='info'>{`好友分享了${what}「${props.title || what}」，加入妈妈圈、审核通过后就能看全文`}</Banner>
}
