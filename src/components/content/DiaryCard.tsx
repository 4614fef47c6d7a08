import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import type { DiaryView } from '../../../domain/content'
import { Card, Tag } from '../ui'
import { diaryShare } from '../../services/share'
import { CloudImage } from './CloudImage'
import { ShareButton } from './ShareButton'
import { shortTime } from './format'
import './styles'

/** One growth diary: her photo, her line, and a heart that counts once per mother. `owner` holds her 编辑 / 删除. */
export function DiaryCard({ diary, onLike, shared, owner }: { diary: DiaryView; onLike: () => void; shared?: boolean; owner?: ReactNode }) {
  return (
    <Card className={shared ? 'c-shared' : undefined}>
      {shared ? <Tag tone='warn'>好友分享给你</Tag> : null}
      <View className='row-between'>
        <Text className='title'>{diary.authorName}</Text>
        <Text className='caption'>{shortTime(diary.createdAt)}</Text>
      </View>
      <CloudImage className='c-photo' fileID={diary.photoFileID} alt={`${diary.authorName}的晒娃照片`} />
      <Text className='c-body'>{diary.text}</Text>
      <View className='c-meta'>
        <View
          className={`c-like${diary.likedByMe ? ' c-like--on' : ''}`}
          role='button'
          aria-pressed={diary.likedByMe}
          aria-label={`点赞，已有 ${diary.likeCount} 个赞`}
          onClick={onLike}
        >
          <Text>{diary.likedByMe ? '❤️' : '🤍'} {diary.likeCount}</Text>
        </View>
        {diary.mine ? <Text>我的日记</Text> : null}
        <ShareButton shareKey={`diary:${diary.id}`} content={diaryShare(diary)} />
      </View>
      {diary.mine ? owner : null}
    </Card>
  )
}
