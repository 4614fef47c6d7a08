import Taro from '@tarojs/taro'
import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { EVIDENCE_KINDS, EVIDENCE_LABELS, SCENE_LABELS, SCENES, type EvidenceKind, type LiveView } from '../../../../../domain/live'
import { addDays, chinaDay } from '../../../../../domain/time'
import { Banner } from '../../../../components/member/Banner'
import { Chip } from '../../../../components/member/Chip'
import { Field } from '../../../../components/member/Field'
import { plainTag } from '../../../../components/member/plainTag'
import { Button, Card } from '../../../../components/ui'
import { useDraft } from '../../../../hooks/useDraft'
import { useSubmit } from '../../../../hooks/useSubmit'
import { useTagsInUse } from '../../../../hooks/useTagsInUse'
import { toCloudError } from '../../../../services/cloud'
import { createLive, updateLive } from '../../../../services/live'
import { changesOf, checkLive, draftFromLive, EMPTY_LIVE_DRAFT, fieldOfMessage, LIMITS, newEvidence, type FieldErrors, type LiveDraft } from './live-draft'
import { scrollToFirstError } from './scroll'
import { UploadBox } from './UploadBox'
import '../../../../components/content/styles'
import { TextButton } from './TextButton'
import './live.css'

// keys the form shows next to a field; any other error goes into the banner above the button
const SHOWN = (d: LiveDraft) =>
  new Set([
    'title', 'scene', 'startAt', 'coverFileID', 'host', 'host.name', 'host.photoFileID', 'host.intro', 'products', 'evidence', 'targetTags', 'finderUserName',
    ...d.products.map((_, i) => `products.${i}`), ...d.evidence.map((_, i) => `evidence.${i}`),
  ])

/**
 * Create a live preview, or (with `original`) edit one and send only what changed. What she typed is
 * kept as a draft across reloads until it is sent.
 */
export function LiveForm(props: { original?: LiveView; onSaved: (id: string) => void }) {
  const original = props.original
  const [draft, setDraft, forgetDraft] = useDraft<LiveDraft>(original ? `live-edit-${original.id}` : 'live-new', original ? draftFromLive(original) : EMPTY_LIVE_DRAFT)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [serverError, setServerError] = useState<string>()
  const tagsAvailable = useTagsInUse()
  const set = <K extends keyof LiveDraft>(key: K, value: LiveDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))
  const setRow = <K extends 'products' | 'evidence'>(key: K, i: number, patch: Partial<LiveDraft[K][number]>) =>
    setDraft((d) => ({ ...d, [key]: (d[key] as LiveDraft[K][number][]).map((row, j) => (j === i ? { ...row, ...patch } : row)) }))
  const removeRow = (key: 'products' | 'evidence', i: number) => setDraft((d) => ({ ...d, [key]: (d[key] as unknown[]).filter((_, j) => j !== i) }))
  const toggleTag = (tag: string) => set('targetTags', draft.targetTags.includes(tag) ? draft.targetTags.filter((t) => t !== tag) : [...draft.targetTags, tag])
  const setKind = (i: number, kind: EvidenceKind) => {
    const row = draft.evidence[i]
    // a title still reading the old kind's name follows the new kind
    const title = !row.title || row.title === EVIDENCE_LABELS[row.kind] ? EVIDENCE_LABELS[kind] : row.title
    setRow('evidence', i, { kind, title })
  }

  const submit = useSubmit(async () => {
    setServerError(undefined)
    const checked = checkLive(draft, new Date(), original)
    if (checked.errors) {
      setErrors(checked.errors)
      scrollToFirstError()
      return
    }
    setErrors({})
    try {
      let id: string
      if (original) {
        const changes = changesOf(original, checked.input)
        if (Object.keys(changes).length === 0) {
          await Taro.showToast({ title: '没有需要保存的修改', icon: 'none' })
          return
        }
        id = (await updateLive({ id: original.id, ...changes })).id
      } else {
        id = (await createLive(checked.input)).id
      }
      forgetDraft()
      await Taro.showToast({ title: original ? '已保存' : '预告已发布', icon: 'success' })
      props.onSaved(id)
    } catch (e) {
      const error = toCloudError(e)
      // a refusal naming a field ("开播时间：应晚于现在") shows at that field
      const field = error.code === 'BAD_INPUT' || error.code === 'CONTENT_REJECTED' ? fieldOfMessage(error.message) : undefined
      if (field) {
        setErrors({ [field]: error.message })
        scrollToFirstError()
      } else setServerError(error.message)
    }
  })

  const shown = SHOWN(draft)
  const unplaced = Object.entries(errors).filter(([k]) => !shown.has(k)).map(([, m]) => m)
  const errorCount = Object.keys(errors).length
  const today = chinaDay(new Date())
  // a preview goes out a day ahead: the date picker opens on tomorrow
  const tomorrow = chinaDay(addDays(new Date(), 1))

  return (
    <View className='stack' data-testid='live-form'>
      <Card title='基本信息'>
        <View className='stack'>
          <Field label='直播标题' error={errors.title} testId='live-title' count={{ value: draft.title, max: LIMITS.title }}>
            <Input className={`m-input${errors.title ? ' m-input--error' : ''}`} value={draft.title} maxlength={LIMITS.title} placeholder='例如：新西兰牧场直播，看奶源' onInput={(e) => set('title', e.detail.value)} />
          </Field>
          <Field label='直播场景' error={errors.scene} testId='live-scene'>
            <View className='row wrap'>
              {SCENES.map((s) => (
                <Chip key={s} label={SCENE_LABELS[s]} selected={draft.scene === s} onToggle={() => set('scene', s)} />
              ))}
            </View>
          </Field>
          <Field label='开播时间' hint='提前一天发布，开播前 10 分钟提醒订阅的妈妈' error={errors.startAt} testId='live-start'>
            <View className='m-picker-row'>
              <Picker mode='date' value={draft.date || tomorrow} start={today} onChange={(e) => set('date', String(e.detail.value))}>
                <View className={`l-picker${draft.date ? '' : ' l-picker--empty'}`} data-testid='live-date'>
                  <Text>{draft.date ? `📅 ${draft.date}` : '📅 选择日期'}</Text>
                </View>
              </Picker>
              <Picker mode='time' value={draft.time} onChange={(e) => set('time', String(e.detail.value))}>
                <View className='l-picker' data-testid='live-time'>
                  <Text>{`⏰ ${draft.time}`}</Text>
                </View>
              </Picker>
            </View>
          </Field>
          <Field label='封面（可选）' error={errors.coverFileID}>
            <UploadBox kind='image' folder='live/covers' prompt='上传封面' fileID={draft.coverFileID} onChange={(id) => set('coverFileID', id)} testId='live-cover' />
          </Field>
        </View>
      </Card>

      <Card title='主播'>
        <View className='stack'>
          <Field label='主播名字' error={errors['host.name'] ?? errors.host} testId='live-host-name' count={{ value: draft.hostName, max: LIMITS.hostName }}>
            <Input className={`m-input${errors['host.name'] ? ' m-input--error' : ''}`} value={draft.hostName} maxlength={LIMITS.hostName} placeholder='例如：阿敏团长' onInput={(e) => set('hostName', e.detail.value)} />
          </Field>
          <Field label='主播照片（可选）' error={errors['host.photoFileID']}>
            <UploadBox kind='image' size='thumb' folder='live/hosts' prompt='上传照片' fileID={draft.hostPhotoFileID} onChange={(id) => set('hostPhotoFileID', id)} testId='live-host-photo' />
          </Field>
          <Field label='一句话介绍（可选）' error={errors['host.intro']} testId='live-host-intro' count={{ value: draft.hostIntro, max: LIMITS.hostIntro }}>
            <Input className='m-input' value={draft.hostIntro} maxlength={LIMITS.hostIntro} placeholder='例如：十年母婴买手，两个宝宝的妈妈' onInput={(e) => set('hostIntro', e.detail.value)} />
          </Field>
        </View>
      </Card>

      <Card title='直播商品'>
        <View className='stack'>
          {errors.products ? <Text className='m-field__error'>{errors.products}</Text> : null}
          {draft.products.map((p, i) => (
            <View key={i} className='l-row' data-testid={`live-product-${i}`}>
              <View className='row-between'>
                <Text className='m-field__label'>{`商品 ${i + 1}`}</Text>
                <TextButton onClick={() => removeRow('products', i)}>删除</TextButton>
              </View>
              <Input className='m-input' value={p.name} maxlength={LIMITS.product} placeholder='商品名，例如：A2 奶粉 1 段' onInput={(e) => setRow('products', i, { name: e.detail.value })} />
              <Input className='m-input l-row__second' value={p.chainId} maxlength={64} placeholder='关联接龙编号（可选）' onInput={(e) => setRow('products', i, { chainId: e.detail.value })} />
              {errors[`products.${i}`] ? <Text className='m-field__error'>{errors[`products.${i}`]}</Text> : null}
            </View>
          ))}
          {draft.products.length < LIMITS.products ? (
            <Button variant='ghost' onClick={() => set('products', [...draft.products, { name: '', chainId: '' }])} testId='live-add-product'>
              ＋ 添加商品
            </Button>
          ) : (
            <Text className='caption'>{`最多 ${LIMITS.products} 个商品`}</Text>
          )}
        </View>
      </Card>

      <Card title='证据（报关单、质检报告…）'>
        <View className='stack'>
          <Text className='caption'>妈妈们在预告里能点开查看，图片或 PDF 都可以</Text>
          {errors.evidence ? <Text className='m-field__error'>{errors.evidence}</Text> : null}
          {draft.evidence.map((e, i) => (
            <View key={i} className='l-row' data-testid={`live-evidence-${i}`}>
              <View className='row-between'>
                <Text className='m-field__label'>{`证据 ${i + 1}`}</Text>
                <TextButton onClick={() => removeRow('evidence', i)}>删除</TextButton>
              </View>
              <View className='row wrap'>
                {EVIDENCE_KINDS.map((k) => (
                  <Chip key={k} label={EVIDENCE_LABELS[k]} selected={e.kind === k} onToggle={() => setKind(i, k)} />
                ))}
              </View>
              <Field label='标题' count={{ value: e.title, max: LIMITS.evidenceTitle }}>
                <Input className='m-input' value={e.title} maxlength={LIMITS.evidenceTitle} placeholder='例如：2026 年 10 月批次报关单' onInput={(ev) => setRow('evidence', i, { title: ev.detail.value })} />
              </Field>
              <UploadBox
                kind='document'
                size='thumb'
                folder='live/evidence'
                prompt='上传图片或 PDF'
                fileID={e.fileID}
                fileName={e.fileName}
                onChange={(fileID, fileName) => setRow('evidence', i, { fileID, fileName })}
                testId={`live-evidence-file-${i}`}
              />
              {errors[`evidence.${i}`] ? <Text className='m-field__error'>{errors[`evidence.${i}`]}</Text> : null}
            </View>
          ))}
          {draft.evidence.length < LIMITS.evidence ? (
            <Button variant='ghost' onClick={() => set('evidence', [...draft.evidence, newEvidence()])} testId='live-add-evidence'>
              ＋ 添加证据
            </Button>
          ) : (
            <Text className='caption'>{`最多 ${LIMITS.evidence} 份证据`}</Text>
          )}
        </View>
      </Card>

      <Card title='推送与视频号'>
        <View className='stack'>
          <Field label='推送给（不选 = 全部会员）' hint={`只有带这些标签的妈妈会收到预告，最多 ${LIMITS.tags} 个`} error={errors.targetTags}>
            <View className='row wrap'>
              {tagsAvailable.map((t) => (
                <Chip
                  key={t}
                  label={plainTag(t)}
                  selected={draft.targetTags.includes(t)}
                  disabled={!draft.targetTags.includes(t) && draft.targetTags.length >= LIMITS.tags}
                  onToggle={() => toggleTag(t)}
                />
              ))}
            </View>
          </Field>
          <Field label='视频号 ID（可选）' hint='以 sph 开头，在视频号助手里查看；填了妈妈可以一键预约直播' error={errors.finderUserName} testId='live-finder'>
            <Input className={`m-input${errors.finderUserName ? ' m-input--error' : ''}`} value={draft.finderUserName} maxlength={64} placeholder='例如：sphAbCdEf123' onInput={(e) => set('finderUserName', e.detail.value.trim())} />
          </Field>
        </View>
      </Card>

      {errorCount > 0 ? <Banner tone='error'>{unplaced.length > 0 ? unplaced.join('；') : `还有 ${errorCount} 处需要完善，请看标红的提示`}</Banner> : null}
      {serverError ? <Banner tone='error'>{serverError}</Banner> : null}
      <Button block loading={submit.submitting} onClick={() => void submit.run()} testId='live-submit'>
        {original ? '保存修改' : '发布预告'}
      </Button>
      {original ? (
        <Button
          block
          variant='ghost'
          onClick={() => {
            setDraft(() => draftFromLive(original))
            // after the reset: the reset itself is not kept as a draft
            forgetDraft()
            setErrors({})
          }}
        >
          放弃修改
        </Button>
      ) : null}
    </View>
  )
}
