import { View } from '@tarojs/components'
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

/**
 * The feed as cards. A post opened from a share (`shared`) comes first and marked; one no longer in
 * the feed is named so she knows what she was sent.
 */
export function PostFeedList(props: { feed: PagedQuery<PostView>; emptyHint?: string; shared?: { id: string; title: string } }) {
  const { feed, shared } = props
  if (feed.loading && feed.items.length === 0) return <Loading text='干货加载中…' />
  if (feed.error && feed.items.length === 0) return <ErrorState message={feed.error.message} onRetry={feed.reload} />
  if (feed.items.length === 0) return <EmptyState icon='📖' title='今日干货正在准备中' hint={props.emptyHint ?? '团长发布后会第一时间出现在这里'} />
  const sharedPost = shared ? feed.items.find((p) => p.id === shared.id) : undefined
  const rest = sharedPost ? feed.items.filter((p) => p !== sharedPost) : feed.items
  return (
    <View className='stack' data-testid='post-feed'>
      {shared && !sharedPost ? <Banner tone='info'>{`好友分享的「${shared.title || '干货'}」已经下架或不对你的宝宝阶段开放，看看下面的新干货吧`}</Banner> : null}
      {sharedPost ? <PostCard post={sharedPost} shared /> : null}
      {rest.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
      {feed.error ? <ErrorState message={feed.error.message} onRetry={feed.loadMore} /> : null}
      <LoadMore count={feed.items.length} hasMore={feed.hasMore} loading={feed.loadingMore} onMore={feed.loadMore} />
    </View>
  )
}

/** A feed that loads itself (the leader console's 已发布 tab). */
export function PostFeed(props: { pageSize?: number; emptyHint?: string }) {
  const feed = useFeed(props.pageSize)
  return <PostFeedList feed={feed} emptyHint={props.emptyHint} />
}
