import { Text, Textarea, View } from '@tarojs/components'
import type { MemberSummary } from '../../../domain/member'
import { Button, Card, Tag } from '../ui'
import { Field } from './Field'
import { TagEditor } from './TagEditor'
import { babyAge } from './plainTag'
import './styles'

/** What a leader is about to decide, kept by the page so a failed decision loses nothing. */
export interface ReviewDraft {
  tags: string[]
  note: string
  rejecting: boolean
  noteError?: string
}

/** One applicant in the queue with the leader's two ways out: approve with tags, or reject with a note. */
export function ApplicantCard(props: {
  applicant: MemberSummary
  draft: ReviewDraft
  onDraft: (draft: ReviewDraft) => void
  onApprove: () => void
  onReject: () => void
}) {
  const { applicant: a, draft } = props
  const set = (patch: Partial<ReviewDraft>) => props.onDraft({ ...draft, ...patch })
  return (
    <Card title={a.nickname || '未填写昵称'}>
      <View data-testid={`applicant-${a.openid}`} className='stack'>
        <View className='row wrap'>
          {a.stage ? <Tag tone='trust'>{a.stage}</Tag> : null}
          {a.age && a.age !== a.stage ? <Tag tone='neutral'>{babyAge(a.age)}</Tag> : null}
          {a.city ? <Tag tone='neutral'>{a.city}</Tag> : null}
        </View>
        <View className='m-row'>
          <Text className='m-row__label'>关心</Text>
          <Text>{a.needs.length > 0 ? a.needs.join('、') : '未填写'}</Text>
        </View>
        <View className='m-row'>
          <Text className='m-row__label'>手机</Text>
          <Text>{a.phoneMasked || '未填写'}</Text>
        </View>
        {a.appliedAt ? (
          <View className='m-row'>
            <Text className='m-row__label'>申请时间</Text>
            <Text>{a.appliedAt.slice(0, 10)}</Text>
          </View>
        ) : null}
        {draft.rejecting ? (
          <Field label='未通过的原因（妈妈会看到）' error={draft.noteError} count={{ value: draft.note, max: 200 }}>
            <Textarea
              className='m-input m-input--multi'
              value={draft.note}
              maxlength={200}
              placeholder='例如：暂时只接收本地妈妈，欢迎关注公众号'
              data-testid={`note-${a.openid}`}
              onInput={(e) => set({ note: e.detail.value, noteError: undefined })}
            />
          </Field>
        ) : (
          <Field label='入群标签'>
            <TagEditor
              tags={draft.tags}
              testId={`tags-${a.openid}`}
              onAdd={(t) => set({ tags: [...draft.tags, t] })}
              onRemove={(t) => set({ tags: draft.tags.filter((x) => x !== t) })}
            />
          </Field>
        )}
        {draft.rejecting ? (
          <View className='m-actions'>
            <Button variant='ghost' onClick={() => set({ rejecting: false, noteError: undefined })}>返回</Button>
            <Button onClick={props.onReject}>确认不通过</Button>
          </View>
        ) : (
          <View className='m-actions'>
            <Button variant='ghost' onClick={() => set({ rejecting: true })}>不通过</Button>
            <Button onClick={props.onApprove}>通过</Button>
          </View>
        )}
      </View>
    </Card>
  )
}
