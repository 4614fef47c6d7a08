import { Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { z } from 'zod'
import { describeIssues } from '../../../domain/schemas/format'
import { useSubmit } from '../../hooks/useSubmit'
import { Banner } from '../member/Banner'
import { Field } from '../member/Field'
import { Button } from '../ui'
import { messageOf } from './errors'
import './styles'

/**
 * Correcting one text in place (her diary line, her question): checked by the same schema as the
 * server, saved by `onSave`, and closed by the caller once saved. A refusal stays in the editor.
 */
export function TextEditor(props: {
  label: string
  initial: string
  max: number
  schema: z.ZodType<unknown, string>
  onSave: (text: string) => Promise<void>
  onCancel: () => void
  testId?: string
}) {
  const [text, setText] = useState(props.initial)
  const [error, setError] = useState<string>()
  const save = useSubmit(async () => {
    const parsed = props.schema.safeParse(text)
    if (!parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      await props.onSave(text.trim())
    } catch (e) {
      setError(messageOf(e))
    }
  })
  return (
    <View className='stack c-editor' data-testid={props.testId}>
      <Field label={props.label} count={{ value: text, max: props.max }}>
        <Textarea className='m-input m-input--multi' value={text} maxlength={props.max} onInput={(e) => setText(e.detail.value)} />
      </Field>
      {error ? <Banner tone='error'>{error}</Banner> : null}
      <View className='c-owner'>
        <Button loading={save.submitting} onClick={() => void save.run()}>保存</Button>
        <Button variant='ghost' onClick={props.onCancel}>取消</Button>
      </View>
    </View>
  )
}

