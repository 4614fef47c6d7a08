import { View } from '@tarojs/components'
import { usePagedQuery } from '../../hooks/usePagedQuery'
import { fetchFeed } from '../../services/content'
import { LoadMore } from '../member/LoadMore'
import { EmptyState, ErrorState, Loading } from '../ui'
import { PostCard } from './PostCard'

/**
 * The members' feed of tips and expert articles, newest first, paged. Embedded on home and in the
 * leader console; what each viewer sees (tag targeting) is decided by the `content` function.
 */
export function PostFeed(props: { pageSize?: number; emptyHint?: string }) {
  const feed = usePagedQuery(fetchFeed, (p) => p.id, [], props.pageSize ?? 10)
  if (feed.loading && feed.items.length === 0) return <Loading text='干货加载中…' />
  if (feed.error && feed.items.length === 0) return <ErrorState message={feed.error.message} onRetry={feed.reload} />
  if (feed.items.length === 0) return <EmptyState icon='📖' title='今日干货正在准备中' hint={props.emptyHint ?? '团长发布后会第一时间出现在这里'} />
  return (
    <View className='stack' data-testid='post-feed'>
      {feed.items.map((p) => (
        <PostCard key={p.id} post={p} />
      ))}
      {feed.error ? <ErrorState message={feed.error.message} onRetry={feed.loadMore} /> : null}
      <LoadMore count={feed.items.length} hasMore={feed.hasMore} loading={feed.loadingMore} onMore={feed.loadMore} />
    </View>
  )
}
