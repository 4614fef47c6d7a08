import { Text, View } from '@tarojs/components'
import { STATUS_LABELS } from '../../../domain/labels'
import type { MemberSummary } from '../../../domain/member'
import { Card, Tag } from '../ui'
import { TagEditor } from './TagEditor'
import { babyAge, plainTag } from './plainTag'
import './styles'

/** A member in the directory; tapping her name opens the manual tag editor. */
export function MemberRow(props: {
  member: MemberSummary
  open: boolean
  busy: boolean
  onToggle: () => void
  onAddTag: (tag: string) => void
  onRemoveTag: (tag: string) => void
}) {
  const m = props.member
  const autoTags = m.tags.filter((t) => !m.manualTags.includes(t))
  return (
    <Card>
      <View data-testid={`member-${m.openid}`}>
        <View className='row-between' role='button' aria-expanded={props.open} onClick={props.onToggle}>
          <Text className='title'>{m.nickname || '未填写昵称'}</Text>
          <Tag tone={m.status === 'member' ? 'trust' : m.status === 'pending' ? 'warn' : 'neutral'}>{STATUS_LABELS[m.status]}</Tag>
        </View>
        <View className='row wrap'>
          {m.age ? <Text className='muted'>{`${babyAge(m.age)} · `}</Text> : null}
          {m.city ? <Text className='muted'>{`${m.city} · `}</Text> : null}
          <Text className='muted'>{m.phoneMasked || '未留手机'}</Text>
        </View>
        {props.open ? (
          <TagEditor
            tags={m.manualTags}
            fixed={autoTags}
            disabled={props.busy}
            testId={`tags-${m.openid}`}
            onAdd={props.onAddTag}
            onRemove={props.onRemoveTag}
          />
        ) : (
          <View className='row wrap'>
            {m.tags.map((t) => (
              <Tag key={t}>{plainTag(t)}</Tag>
            ))}
          </View>
        )}
      </View>
    </Card>
  )
}
