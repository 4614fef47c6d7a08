import Taro from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { LiveView } from '../../../../../domain/live'
import { describeIssues } from '../../../../../domain/schemas/format'
import { liveSchemas } from '../../../../../domain/schemas/live'
import { messageOf } from '../../../../components/content/errors'
import { Banner } from '../../../../components/member/Banner'
import { Field } from '../../../../components/member/Field'
import { Button } from '../../../../components/ui'
import { useSubmit } from '../../../../hooks/useSubmit'
import { finishLive } from '../../../../services/live'
import { LIMITS } from './live-draft'
import { TextButton } from './TextButton'
import './live.css'

/**
 * 结束直播 (or, once finished, 补充回放): the replay link and a few highlights mothers read after the
 * live. Both optional: a live can be closed first and its replay added later.
 */
export function FinishForm(props: { live: LiveView; onDone: () => void; onCancel: () => void }) {
  const finished = props.live.phase === 'finished'
  const [replayUrl, setReplayUrl] = useState(props.live.replayUrl ?? '')
  const [highlights, setHighlights] = useState<string[]>(props.live.highlights?.length ? props.live.highlights : [''])
  const [error, setError] = useState<string>()

  const submit = useSubmit(async () => {
    const kept = highlights.map((h) => h.trim()).filter(Boolean)
    const input = { id: props.live.id, ...(replayUrl.trim() ? { replayUrl: replayUrl.trim() } : {}), ...(kept.length ? { highlights: kept } : {}) }
    const parsed = liveSchemas.finish.safeParse(input)
    if (!parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      await finishLive(input.id, { replayUrl: input.replayUrl, highlights: input.highlights })
      await Taro.showToast({ title: finished ? '已保存回放' : '直播已结束', icon: 'success' })
      props.onDone()
    } catch (e) {
      setError(messageOf(e))
    }
  })

  return (
    <View className='stack l-finish' data-testid={`finish-${props.live.id}`}>
      <Field label='回放链接（可选）' hint='视频号回放的 https:// 地址，妈妈们在预告里点开观看'>
        <Input className='m-input' value={replayUrl} maxlength={512} placeholder='https://…' onInput={(e) => setReplayUrl(e.detail.value)} />
      </Field>
      <Field label='精彩片段（可选）' hint={`每条一句话，最多 ${LIMITS.highlights} 条`}>
        <View className='stack'>
          {highlights.map((h, i) => (
            <View key={i} className='l-row' data-testid={`highlight-${i}`}>
              <View className='row-between'>
                <Text className='caption'>{`第 ${i + 1} 条`}</Text>
                <TextButton onClick={() => setHighlights((all) => (all.length > 1 ? all.filter((_, j) => j !== i) : ['']))}>删除</TextButton>
              </View>
              <Input className='m-input' value={h} maxlength={LIMITS.highlight} placeholder='例如：3 分钟讲清奶粉段数怎么选' onInput={(e) => setHighlights((all) => all.map((x, j) => (j === i ? e.detail.value : x)))} />
              <Text className={`ui-count l-block${h.length >= LIMITS.highlight ? ' ui-count--full' : ''}`}>
                {h.length >= LIMITS.highlight ? `已到 ${LIMITS.highlight} 字上限` : `${h.length}/${LIMITS.highlight}`}
              </Text>
            </View>
          ))}
        </View>
      </Field>
      {highlights.length < LIMITS.highlights ? (
        <Button variant='ghost' onClick={() => setHighlights((all) => [...all, ''])}>＋ 添加一条</Button>
      ) : null}
      {error ? <Banner tone='error'>{error}</Banner> : null}
      <View className='row l-actions'>
        <Button loading={submit.submitting} onClick={() => void submit.run()} testId={`finish-submit-${props.live.id}`}>
          {finished ? '保存回放' : '结束直播'}
        </Button>
        <Button variant='ghost' onClick={props.onCancel}>收起</Button>
      </View>
    </View>
  )
}
