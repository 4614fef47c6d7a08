import { Input, View } from '@tarojs/components'
import { useState } from 'react'
import { STATUS_LABELS } from '../../../domain/labels'
import type { MemberFilter } from '../../services/member'
import { Button } from '../ui'
import { Chip } from './Chip'
import { Field } from './Field'
import { plainTag } from './plainTag'
import './member.css'

const STATUSES = ['pending', 'member', 'rejected'] as const

/** Status and tag chips (tap again to clear) and a nickname search applied on 搜索. */
export function MemberFilters(props: { value: MemberFilter; onChange: (filter: MemberFilter) => void; tags: readonly string[] }) {
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
            <Chip key={t} label={plainTag(t)} selected={value.tag === t} onToggle={() => onChange({ ...value, tag: value.tag === t ? undefined : t })} />
          ))}
        </View>
      </Field>
    </View>
  )
}
