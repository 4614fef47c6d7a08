import { View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { PostView } from '../../../domain/content'
import { usePagedQuery, type PagedQuery } from '../../hooks/usePagedQuery'
import { fetchFeed } from '../../services/content'
import { Banner } from '../member/Banner'
import { LoadMore } from '../member/LoadMore'
import { EmptyState, ErrorState, Loading } from '../ui'
import { PostCard } from './PostCard'

/** The members' feed, newest first, paged; what each viewer sees (tag targeting) is the function's call. */
export function useFeed(pageSize = 10): PagedQuery<PostView> {
  return usePagedQuery(fetchFeed, (p) => p.id, [], pageSize)
}

/** A post opened from a share: its title from the link, and the post itself once `content.post` answers (`missing` when it cannot). */
export interface SharedPost {
  id: string
  title: string
  post?: PostView
  missing?: boolean
}

/**
 * The feed as cards. A post opened from a share comes first and marked, however old it is (it is
 * read by id, not searched for in the first page); one removed or not meant for her is named so she
 * knows what she was sent. `actions` adds controls under each card (the leader's 编辑 / 删除).
 */
export function PostFeedList(props: { feed: PagedQuery<PostView>; emptyHint?: string; shared?: SharedPost; actions?: (post: PostView) => ReactNode }) {
  const { feed, shared } = props
  const sharedPost = shared?.post
  const sharedCard = sharedPost ? <PostCard post={sharedPost} shared /> : null
  if (feed.loading && feed.items.length === 0) return sharedCard ?? <Loading text='干货加载中…' />
  if (feed.error && feed.items.length === 0) return <ErrorState message={feed.error.message} onRetry={feed.reload} />
  if (feed.items.length === 0 && !sharedPost) return <EmptyState icon='📖' title='今日干货正在准备中' hint={props.emptyHint ?? '团长发布后会第一时间出现在这里'} />
  const rest = sharedPost ? feed.items.filter((p) => p.id !== sharedPost.id) : feed.items
  return (
    <View className='stack' data-testid='post-feed'>
      {shared?.missing ? <Banner tone='info'>{`好友分享的「${shared.title || '干货'}」已经下架或不对你的宝宝阶段开放，看看下面的新干货吧`}</Banner> : null}
      {sharedCard}
      {rest.map((p) => (
        <View key={p.id}>
          <PostCard post={p} />
          {props.actions?.(p)}
        </View>
      ))}
      {feed.error ? <ErrorState message={feed.error.message} onRetry={feed.loadMore} /> : null}
      <LoadMore count={feed.items.length} hasMore={feed.hasMore} loading={feed.loadingMore} onMore={feed.loadMore} />
    </View>
  )
}
