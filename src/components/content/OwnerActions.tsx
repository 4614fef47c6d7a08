import { View } from '@tarojs/components'
import { Button } from '../ui'
import './styles'

/** 编辑 / 删除 for something of her own. */
export function OwnerActions(props: { onEdit: () => void; onDelete: () => void }) {
  return (
    <View className='c-owner' data-testid='owner-actions'>
      <Button variant='ghost' onClick={props.onEdit}>编辑</Button>
      <Button variant='ghost' onClick={props.onDelete}>删除</Button>
    </View>
  )
}
