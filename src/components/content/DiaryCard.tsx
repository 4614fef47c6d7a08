import { Text, View } from '@tarojs/components'
import type { DiaryView } from '../../../domain/content'
import { Card } from '../ui'
import { CloudImage } from './CloudImage'
import { shortTime } from './format'
import './styles'

/** One growth diary: her photo, her line, and a heart that counts once per mother. */
export function DiaryCard({ diary, onLike }: { diary: DiaryView; onLike: () => void }) {
  return (
    <Card>
      <View className='row-between'>
        <Text className='title'>{diary.authorName}</Text>
        <Text className='caption'>{shortTime(diary.createdAt)}</Text>
      </View>
      <CloudImage className='c-photo' fileID={diary.photoFileID} />
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
      </View>
    </Card>
  )
}
