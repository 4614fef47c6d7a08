import { Banner } from '../../../../components/member/Banner'
import Taro from '@tarojs/taro'
import { Image, Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { POST_KIND_LABELS, type PostKind } from '../../../../../domain/content'
import { contentSchemas } from '../../../../../domain/schemas/content'
import { describeIssues } from '../../../../../domain/schemas/format'
import { messageOf } from '../../../../components/content/errors'
import { Chip } from '../../../../components/member/Chip'
import { plainTag } from '../../../../components/member/plainTag'
import { Field } from '../../../../components/member/Field'
import { Button, Card } from '../../../../components/ui'
import { useSubmit } from '../../../../hooks/useSubmit'
import { useTagsInUse } from '../../../../hooks/useTagsInUse'
import { publishPost } from '../../../../services/content'
import { choosePhoto, uploadPhoto } from '../../../../services/storage'
import '../../../../components/content/styles'

const KINDS: PostKind[] = ['tip', 'expert']

/** Publish a tip or expert article, optionally only for mothers with some tags. */
export function PostForm(props: { onPublished: () => void }) {
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [kind, setKind] = useState<PostKind>('tip')
  const [targets, setTargets] = useState<string[]>([])
  const [cover, setCover] = useState<string>()
  const [error, setError] = useState<string>()
  // every tag in use is an audience, the leaders' own ones too
  const targetsAvailable = useTagsInUse()
  const toggle = (tag: string) => setTargets((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag]))

  const submit = useSubmit(async () => {
    const input = { title, body, kind, ...(targets.length > 0 ? { targetTags: targets } : {}) }
    const parsed = contentSchemas.publishPost.safeParse(input)
    if (!parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      const coverFileID = cover ? await uploadPhoto(cover, 'covers') : undefined
      await publishPost({ ...input, ...(coverFileID ? { coverFileID } : {}) })
      setTitle('')
      setBody('')
      setTargets([])
      setCover(undefined)
      await Taro.showToast({ title: '已发布', icon: 'success' })
      props.onPublished()
    } catch (e) {
      setError(messageOf(e))
    }
  })

  return (
    <Card title='发布干货'>
      <View className='stack'>
        <Field label='类型'>
          <View className='row wrap'>
            {KINDS.map((k) => (
              <Chip key={k} label={POST_KIND_LABELS[k]} selected={kind === k} onToggle={() => setKind(k)} />
            ))}
          </View>
        </Field>
        <Field label='标题' count={{ value: title, max: 40 }}>
          <Input className='m-input' value={title} maxlength={40} placeholder='例如：第一口辅食怎么选' onInput={(e) => setTitle(e.detail.value)} />
        </Field>
        <Field label='正文' count={{ value: body, max: 2000 }}>
          <Textarea className='m-input m-input--multi' value={body} maxlength={2000} placeholder='写给妈妈们的干货…' onInput={(e) => setBody(e.detail.value)} />
        </Field>
        <Field label='封面（可选）'>
          {cover ? (
            <View onClick={() => setCover(undefined)}>
              <Image className='c-cover' src={cover} mode='aspectFill' />
              <Text className='caption'>点图片可移除</Text>
            </View>
          ) : (
            <View className='c-pick' role='button' onClick={() => void choosePhoto().then((p) => p && setCover(p))}>
              <Text>＋ 选择封面</Text>
            </View>
          )}
        </Field>
        <Field label='推送给（不选 = 全部会员）' hint='只有带这些标签的妈妈会看到'>
          <View className='row wrap'>
            {targetsAvailable.map((t) => (
              <Chip key={t} label={plainTag(t)} selected={targets.includes(t)} onToggle={() => toggle(t)} />
            ))}
          </View>
        </Field>
        {error ? <Banner tone='error'>{error}</Banner> : null}
        <Button block loading={submit.submitting} onClick={() => void submit.run()}>
          发布
        </Button>
      </View>
    </Card>
  )
}
