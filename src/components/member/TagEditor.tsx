import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { Button, Tag } from '../ui'
import { RemovableChip } from './Chip'
import { lengthOf } from './Field'
import { plainTag } from './plainTag'
import './styles'

const TAG_MAX = 20

/**
 * Chips a leader can remove plus a field to add one. `fixed` tags come from the automatic rules:
 * shown for context, not removable (the rules would put them back).
 */
export function TagEditor(props: {
  tags: string[]
  fixed?: string[]
  onAdd: (tag: string) => void
  onRemove: (tag: string) => void
  disabled?: boolean
  testId?: string
}) {
  const [text, setText] = useState('')
  const [hint, setHint] = useState<string>()
  const add = () => {
    const tag = text.trim()
    if (!tag) return setHint('请输入标签')
    if (lengthOf(tag) > TAG_MAX) return setHint(`标签最多 ${TAG_MAX} 个字`)
    if (props.tags.includes(tag) || props.fixed?.includes(tag)) return setHint('已经有这个标签了')
    setHint(undefined)
    setText('')
    props.onAdd(tag)
  }
  return (
    <View data-testid={props.testId}>
      <View className='row wrap'>
        {(props.fixed ?? []).map((t) => (
          <Tag key={`auto-${t}`} tone='neutral'>{`${plainTag(t)} · 自动`}</Tag>
        ))}
        {props.tags.map((t) => (
          <RemovableChip key={t} label={plainTag(t)} disabled={props.disabled} onRemove={() => props.onRemove(t)} />
        ))}
      </View>
      <View className='m-search'>
        <Input
          className='m-input'
          value={text}
          maxlength={TAG_MAX}
          placeholder='添加标签，例如：体验官候选'
          data-testid={props.testId ? `${props.testId}-input` : undefined}
          onInput={(e) => setText(e.detail.value)}
          onConfirm={add}
        />
        <Button variant='secondary' disabled={props.disabled} onClick={add}>
          添加
        </Button>
      </View>
      <Text className={`ui-count${lengthOf(text) >= TAG_MAX ? ' ui-count--full' : ''}`}>
        {lengthOf(text) >= TAG_MAX ? `已到 ${TAG_MAX} 字上限` : `${lengthOf(text)}/${TAG_MAX}`}
      </Text>
      {hint ? <Text className='m-field__error'>{hint}</Text> : null}
    </View>
  )
}
