import { Banner } from '../../../../components/member/Banner'
import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { contentSchemas } from '../../../../../domain/schemas/content'
import { describeIssues } from '../../../../../domain/schemas/format'
import { messageOf } from '../../../../components/content/errors'
import { Field } from '../../../../components/member/Field'
import { Button, Card } from '../../../../components/ui'
import { useSubmit } from '../../../../hooks/useSubmit'
import { createContest } from '../../../../services/content'

/** The deadline as the leader means it: a day and a time in China. */
export const chinaDeadline = (date: string, time: string) => `${date}T${time}:00+08:00`

/** Start a themed 晒娃 contest that accepts entries until the deadline. */
export function ContestForm(props: { onCreated: (id: string) => void }) {
  const [title, setTitle] = useState('')
  const [theme, setTheme] = useState('')
  const [date, setDate] = useState('')
  const [time, setTime] = useState('20:00')
  const [error, setError] = useState<string>()

  const submit = useSubmit(async () => {
    if (!date) {
      setError('截止时间：请选择截止日期')
      return
    }
    const parsed = contentSchemas.createContest.safeParse({ title, theme, deadline: chinaDeadline(date, time) })
    if (!parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      const { id } = await createContest(parsed.data)
      setTitle('')
      setTheme('')
      setDate('')
      await Taro.showToast({ title: '活动已创建', icon: 'success' })
      props.onCreated(id)
    } catch (e) {
      setError(messageOf(e))
    }
  })

  return (
    <Card title='发起晒娃活动'>
      <View className='stack'>
        <Field label='活动名称' count={{ value: title, max: 30 }}>
          <Input className='m-input' value={title} maxlength={30} placeholder='例如：宝宝的第一次' onInput={(e) => setTitle(e.detail.value)} />
        </Field>
        <Field label='活动主题' count={{ value: theme, max: 200 }}>
          <Textarea className='m-input m-input--multi' value={theme} maxlength={200} placeholder='晒出宝宝第一次翻身、第一颗牙…点赞最多的妈妈有礼物' onInput={(e) => setTheme(e.detail.value)} />
        </Field>
        <Field label='截止时间' hint='截止后不能再参加，排行榜保留'>
          <View className='m-picker-row'>
            <Picker mode='date' value={date} onChange={(e) => setDate(String(e.detail.value))} data-testid='contest-date'>
              <View className={`m-picker${date ? '' : ' m-picker--empty'}`}>
                <Text>{date ? `📅 ${date}` : '📅 选择日期'}</Text>
              </View>
            </Picker>
            <Picker mode='time' value={time} onChange={(e) => setTime(String(e.detail.value))} data-testid='contest-time'>
              <View className='m-picker'>
                <Text>{`⏰ ${time}`}</Text>
              </View>
            </Picker>
          </View>
        </Field>
        {error ? <Banner tone='error'>{error}</Banner> : null}
        <Button block loading={submit.submitting} onClick={() => void submit.run()}>
          创建活动
        </Button>
      </View>
    </Card>
  )
}
