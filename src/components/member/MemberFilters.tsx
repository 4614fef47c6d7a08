import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { STATUS_LABELS } from '../../../domain/labels'
import type { TagInUse } from '../../../domain/member'
import type { MemberFilter } from '../../services/member'
import { Button } from '../ui'
import { Chip } from './Chip'
import { Field } from './Field'
import './styles'

const STATUSES = ['pending', 'member', 'rejected'] as const

/** "0–6 月 12": the tag's label and how many carry it, once the counts have arrived. */
const chipLabel = (t: TagInUse, counted: boolean) => (counted ? `${t.label} ${t.count}` : t.label)

/** Status and tag chips (tap again to clear) and a nickname search applied on 搜索. */
export function MemberFilters(props: { value: MemberFilter; onChange: (filter: MemberFilter) => void; tags: readonly TagInUse[]; counted?: boolean }) {
  const [keyword, setKeyword] = useState(props.value.keyword ?? '')
  const { value, onChange } = props
  return (
    <View className='stack'>
      <View className='m-search'>
        <Input
          className='m-input'
          value={keyword}
          maxlength={20}
          placeholder='搜索昵称'
          data-testid='member-keyword'
          onInput={(e) => setKeyword(e.detail.value)}
          onConfirm={() => onChange({ ...value, keyword })}
        />
        <Button variant='secondary' onClick={() => onChange({ ...value, keyword })}>
          搜索
        </Button>
      </View>
      <Field label='状态'>
        <View className='row wrap' data-testid='status-filter'>
          {STATUSES.map((s) => (
            <Chip key={s} label={STATUS_LABELS[s]} selected={value.status === s} onToggle={() => onChange({ ...value, status: value.status === s ? undefined : s })} />
          ))}
        </View>
      </Field>
      <Field label='标签（含宝宝阶段）'>
        <View className='row wrap' data-testid='tag-filter'>
          {props.tags.map((t) => (
            <Chip key={t.tag} label={chipLabel(t, props.counted === true)} selected={value.tag === t.tag} onToggle={() => onChange({ ...value, tag: value.tag === t.tag ? undefined : t.tag })} />
          ))}
        </View>
      </Field>
    </View>
  )
}
