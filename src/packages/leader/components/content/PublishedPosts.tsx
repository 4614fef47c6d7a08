import { View } from '@tarojs/components'
import { useState } from 'react'
import type { PostView } from '../../../../../domain/content'
import { PostFeedList, useFeed } from '../../../../components/content/PostFeed'
import { confirmAndRemove } from '../../../../components/content/removal'
import { OwnerActions } from '../../../../components/content/OwnerActions'
import { usePullToRefresh } from '../../../../hooks/usePullToRefresh'
import { removePost } from '../../../../services/content'
import { PostForm } from './PostForm'

/** Every published post (leaders see all), each with 编辑 / 删除; editing opens the form above the list. */
export function PublishedPosts() {
  const feed = useFeed()
  const [editing, setEditing] = useState<PostView>()
  usePullToRefresh(feed.reload, feed.loading)

  function remove(p: PostView) {
    void confirmAndRemove({
      title: '删除这篇干货？',
      content: `「${p.title}」会从所有妈妈的首页消失，分享出去的链接也会打不开`,
      removeLocally: () => feed.remove(p.id),
      send: () => removePost(p.id),
      done: '已删除',
    })
  }

  return (
    <View className='stack'>
      {editing ? (
        <PostForm
          key={editing.id}
          editing={editing}
          onCancel={() => setEditing(undefined)}
          onPublished={(saved) => {
            if (saved) feed.update(saved.id, saved)
            setEditing(undefined)
          }}
        />
      ) : null}
      <PostFeedList
        feed={feed}
        emptyHint='发布的干货会出现在这里，团长可以看到全部'
        actions={(p) => <OwnerActions onEdit={() => setEditing(p)} onDelete={() => remove(p)} />}
      />
    </View>
  )
}
