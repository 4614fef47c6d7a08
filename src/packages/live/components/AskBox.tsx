import Taro from '@tarojs/taro'
import { Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { liveQuestionText } from '../../../../domain/schemas/live-question'
import { describeIssues } from '../../../../domain/schemas/format'
import { messageOf } from '../../../components/content/errors'
import { Banner } from '../../../components/member/Banner'
import { Field } from '../../../components/member/Field'
import { Button, Card } from '../../../components/ui'
import { useDraft } from '../../../hooks/useDraft'
import { useSubmit } from '../../../hooks/useSubmit'
import { askLiveQuestion } from '../../../services/live'
import './styles'

// the limits are the function's own: the counter stops where the schema does
const QUESTION = liveQuestionText
const MAX = QUESTION.maxLength ?? 200
const MIN = QUESTION.minLength ?? 5

/**
 * A member's question for the host, before or during the live. The leader picks which are answered
 * on air; until then only she knows she asked, so the box says where it went.
 */
export function AskBox(props: { liveId: string }) {
  const [kept, setKept, forget] = useDraft(`live-question.${props.liveId}`, { text: '' })
  const [error, setError] = useState<string>()
  const [sent, setSent] = useState<string>()
  const ask = useSubmit(async () => {
    const parsed = QUESTION.safeParse(kept.text)
    if (!parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      await askLiveQuestion(props.liveId, parsed.data)
      forget()
      setKept(() => ({ text: '' }))
      setSent(parsed.data)
      await Taro.showToast({ title: '提问已提交', icon: 'none' })
    } catch (e) {
      // content check and rate limit answer a message fit to show as it is
      setError(messageOf(e))
    }
  })
  return (
    <Card title='向主播提问' className='l-ask'>
      <Field label='你的问题' hint={`${MIN}–${MAX} 字；团长会挑选问题在直播中回答，不显示提问人`} error={error} testId='live-question' count={{ value: kept.text, max: MAX }}>
        <Textarea
          className='m-input m-input--multi'
          value={kept.text}
          maxlength={MAX}
          placeholder='例如：这批奶粉的生产日期是哪天？'
          onInput={(e) => {
            const text = e.detail.value
            setKept(() => ({ text }))
          }}
        />
      </Field>
      <Button block loading={ask.submitting} testId='live-ask' onClick={() => void ask.run()}>
        提交问题
      </Button>
      {sent ? (
        <View className='l-sent' data-testid='live-question-sent'>
          <Banner tone='ok'>{`已提交：「${sent}」。团长选中后会出现在下面的问答里`}</Banner>
        </View>
      ) : null}
    </Card>
  )
}
