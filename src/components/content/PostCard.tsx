import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { POST_KIND_LABELS, type PostView } from '../../../domain/content'
import { Card, Tag } from '../ui'
import { postShare } from '../../services/share'
import { CloudImage } from './CloudImage'
import { ShareButton } from './ShareButton'
import { shortTime } from './format'
import './styles'

/** One tip or article: long bodies fold to three lines until she taps "展开". */
export function PostCard({ post, shared }: { post: PostView; shared?: boolean }) {
  const [open, setOpen] = useState(false)
  const long = post.body.length > 80
  return (
    <Card className={shared ? 'c-shared' : undefined}>
      {shared ? <Tag tone='warn'>好友分享给你</Tag> : null}
      {post.coverFileID ? <CloudImage className='c-cover' fileID={post.coverFileID} alt={post.title} /> : null}
      <View>
        <Tag tone={post.kind === 'expert' ? 'trust' : 'brand'}>{POST_KIND_LABELS[post.kind]}</Tag>
        <Text className='title'>{post.title}</Text>
      </View>
      <Text className={`c-body${long && !open ? ' c-body--clamped' : ''}`}>{post.body}</Text>
      {long ? (
        <Text className='c-more' onClick={() => setOpen(!open)}>
          {open ? '收起' : '展开全文'}
        </Text>
      ) : null}
      <View className='c-meta'>
        <Text>{`${post.authorName} · ${shortTime(post.publishedAt)}`}</Text>
        <ShareButton shareKey={`post:${post.id}`} content={postShare(post)} />
      </View>
    </Card>
  )
}
