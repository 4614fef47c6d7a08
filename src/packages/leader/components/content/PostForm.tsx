import { Banner } from '../../../../components/member/Banner'
import Taro from '@tarojs/taro'
import { Image, Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import { POST_KIND_LABELS, type PostKind, type PostView } from '../../../../../domain/content'
import { contentSchemas } from '../../../../../domain/schemas/content'
import { describeIssues } from '../../../../../domain/schemas/format'
import { CloudImage } from '../../../../components/content/CloudImage'
import { messageOf } from '../../../../components/content/errors'
import { Chip } from '../../../../components/member/Chip'
import { plainTag } from '../../../../components/member/plainTag'
import { Field } from '../../../../components/member/Field'
import { Button, Card } from '../../../../components/ui'
import { useSubmit } from '../../../../hooks/useSubmit'
import { useTagsInUse } from '../../../../hooks/useTagsInUse'
import { editPost, publishPost } from '../../../../services/content'
import { choosePhoto, uploadPhoto } from '../../../../services/upload'
import '../../../../components/content/styles'

const KINDS: PostKind[] = ['tip', 'expert']

const sameTags = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((t) => b.includes(t))

/**
 * Publish a tip or expert article, optionally only for mothers with some tags; with `editing`, the
 * same form corrects a published post and sends only what changed.
 */
export function PostForm(props: { onPublished: (post?: PostView) => void; editing?: PostView; onCancel?: () => void }) {
  const original = props.editing
  const [title, setTitle] = useState(original?.title ?? '')
  const [body, setBody] = useState(original?.body ?? '')
  const [kind, setKind] = useState<PostKind>(original?.kind ?? 'tip')
  const [targets, setTargets] = useState<string[]>(original?.targetTags ?? [])
  const [cover, setCover] = useState<string>()
  // the published cover, until she removes it or picks another
  const [keptCover, setKeptCover] = useState(original?.coverFileID)
  const [error, setError] = useState<string>()
  // every tag in use is an audience, the leaders' own ones too
  const targetsAvailable = useTagsInUse()
  const toggle = (tag: string) => setTargets((t) => (t.includes(tag) ? t.filter((x) => x !== tag) : [...t, tag]))

  const save = useSubmit(async () => {
    if (!original) return
    const changes = {
      id: original.id,
      ...(title !== original.title ? { title } : {}),
      ...(body !== original.body ? { body } : {}),
      ...(kind !== original.kind ? { kind } : {}),
      ...(sameTags(targets, original.targetTags) ? {} : { targetTags: targets }),
      ...(original.coverFileID && !keptCover && !cover ? { coverFileID: null } : {}),
    }
    // a new cover alone is a change too; it has no file id until uploaded below
    const parsed = cover && Object.keys(changes).length === 1 ? undefined : contentSchemas.editPost.safeParse(changes)
    if (parsed && !parsed.success) {
      setError(describeIssues(parsed.error.issues))
      return
    }
    setError(undefined)
    try {
      const coverFileID = cover ? await uploadPhoto(cover, 'covers') : undefined
      const saved = await editPost({ ...changes, ...(coverFileID ? { coverFileID } : {}) })
      await Taro.showToast({ title: '已保存', icon: 'success' })
      props.onPublished(saved)
    } catch (e) {
      setError(messageOf(e))
    }
  })

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
    <Card title={original ? '修改干货' : '发布干货'}>
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
          {keptCover && !cover ? (
            <View onClick={() => setKeptCover(undefined)}>
              <CloudImage className='c-cover' fileID={keptCover} alt='当前封面' />
              <Text className='caption'>点图片可移除</Text>
            </View>
          ) : cover ? (
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
        {original ? (
          <View className='row'>
            <Button loading={save.submitting} onClick={() => void save.run()} testId='post-save'>
              保存修改
            </Button>
            <Button variant='ghost' onClick={() => props.onCancel?.()}>取消</Button>
          </View>
        ) : (
          <Button block loading={submit.submitting} onClick={() => void submit.run()}>
            发布
          </Button>
        )}
      </View>
    </Card>
  )
}
