import { Text, Textarea, View } from '@tarojs/components'
import type { LiveQuestionStaffView } from '../../../../../domain/live'
import { shortTime } from '../../../../components/content/format'
import { Field } from '../../../../components/member/Field'
import { Button, Card, Tag } from '../../../../components/ui'
import './live.css'

export const ANSWER_MAX = 1000

const STATE_TAG = {
  new: { label: '新问题', tone: 'warn' },
  picked: { label: '已选中', tone: 'brand' },
  answered: { label: '已回答', tone: 'trust' },
  hidden: { label: '已隐藏', tone: 'neutral' },
} as const

/**
 * A member's question as the host reads it out: who asked (her nickname), when, the question large,
 * and what can be done with it in its state. The answer being typed lives with the page, so a
 * refresh of the list never loses it.
 */
export function CuratedQuestion(props: {
  question: LiveQuestionStaffView
  /** the answer box is open */
  answerOpen: boolean
  /** what she has typed so far (kept when the box is closed) */
  answer: string
  busy: boolean
  onPick: () => void
  onHide: () => void
  onOpenAnswer: () => void
  onAnswerInput: (text: string) => void
  onSendAnswer: () => void
  onCloseAnswer: () => void
}) {
  const q = props.question
  const tag = STATE_TAG[q.state]
  const open = props.answerOpen
  return (
    <Card className='l-q'>
      <View data-testid={`q-${q.id}`}>
        <View className='row-between'>
          <Text className='caption'>{`${q.askerName} · ${shortTime(q.askedAt)} 提问`}</Text>
          <Tag tone={tag.tone}>{tag.label}</Tag>
        </View>
        <Text className='l-q__text'>{q.question}</Text>
        {q.state === 'answered' ? (
          <View className='c-answer'>
            <Text className='c-answer__by l-block'>{`回答${q.answeredAt ? ` · ${shortTime(q.answeredAt)}` : ''}`}</Text>
            <Text className='c-body'>{q.answer}</Text>
          </View>
        ) : null}
        {open ? (
          <View className='stack l-q__answer'>
            <Field label='回答' count={{ value: props.answer, max: ANSWER_MAX }}>
              <Textarea
                className='m-input m-input--multi'
                value={props.answer}
                maxlength={ANSWER_MAX}
                placeholder='主播口播的要点，妈妈们在直播页能看到'
                onInput={(e) => props.onAnswerInput(e.detail.value)}
              />
            </Field>
            <View className='row l-actions'>
              <Button loading={props.busy} onClick={props.onSendAnswer} testId={`q-send-${q.id}`}>发送回答</Button>
              <Button variant='ghost' onClick={props.onCloseAnswer}>收起</Button>
            </View>
          </View>
        ) : q.state === 'answered' ? null : (
          <View className='l-actions'>
            {q.state === 'new' || q.state === 'hidden' ? (
              <Button variant='secondary' loading={props.busy} onClick={props.onPick} testId={`q-pick-${q.id}`}>
                {q.state === 'hidden' ? '恢复选中' : '选中'}
              </Button>
            ) : null}
            {q.state === 'new' || q.state === 'picked' ? (
              <Button variant='ghost' onClick={props.onOpenAnswer} testId={`q-answer-${q.id}`}>回答</Button>
            ) : null}
            {q.state === 'new' || q.state === 'picked' ? (
              <Button variant='ghost' loading={props.busy} onClick={props.onHide} testId={`q-hide-${q.id}`}>隐藏</Button>
            ) : null}
          </View>
        )}
      </View>
    </Card>
  )
}
