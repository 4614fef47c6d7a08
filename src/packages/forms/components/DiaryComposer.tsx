import Taro from '@tarojs/taro'
import { Image, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import type { ContestView } from '../../../../domain/content'
import { TEXT_MAX } from '../../../../domain/form-rules'
import { contentSchemas } from '../../../../domain/schemas/content'
import { describeIssues } from '../../../../domain/schemas/format'
import { Banner } from '../../../components/member/Banner'
import { Field } from '../../../components/member/Field'
import { Chip } from '../../../components/member/Chip'
import { Button, Card } from '../../../components/ui'
import { useDraft } from '../../../hooks/useDraft'
import { useSubmit } from '../../../hooks/useSubmit'
import { TEMPLATE_IDS } from '../../../config'
import { postDiary } from '../../../services/content'
import { askForNotices } from '../../../services/platform'
import { choosePhoto, uploadPhoto } from '../../../services/upload'
import { messageOf } from '../../../components/content/errors'
import '../../../components/content/styles'

const MAX_TEXT = TEXT_MAX.diary
const diaryText = contentSchemas.postDiary.shape.text

/**
 * 晒娃 form: a photo, a line, optionally an open contest. The photo is uploaded on submit (not on
 * pick) so a changed mind leaves nothing in storage; a retry reuses the upload.
 */
export function DiaryComposer(props: { contests: readonly ContestView[]; onPosted: (contestId?: string) => void }) {
  const [localPath, setLocalPath] = useState<string>()
  const [uploaded, setUploaded] = useState<{ path: string; fileID: string }>()
  // her words survive a reload (a picked photo is a temporary file and cannot)
  const [kept, setKept, forget] = useDraft<{ text: string; contestId?: string }>('diary', { text: '' })
  const { text, contestId } = kept
  const setText = (value: string) => setKept((d) => ({ ...d, text: value }))
  const setContestId = (id?: string) => setKept((d) => ({ ...d, contestId: id }))
  const [errors, setErrors] = useState<{ photo?: string; text?: string; form?: string }>({})
  const open = props.contests.filter((c) => c.open)

  async function pick() {
    const path = await choosePhoto()
    if (path) {
      setLocalPath(path)
      setErrors((e) => ({ ...e, photo: undefined }))
    }
  }

  const submit = useSubmit(async () => {
    // an entry may win: ask, inside the tap as WeChat requires, whether she wants to hear about it
    if (contestId) void askForNotices([TEMPLATE_IDS.contestWinner])
    // her line by the function's own rule; the photo is checked here, before anything is uploaded
    const line = diaryText.safeParse(text)
    const problems = {
      photo: localPath ? undefined : '请先选一张宝宝的照片',
      text: line.success ? undefined : describeIssues(line.error.issues),
    }
    setErrors(problems)
    if (!line.success || !localPath) return
    try {
      const fileID = uploaded?.path === localPath ? uploaded.fileID : await uploadPhoto(localPath, 'diary')
      setUploaded({ path: localPath, fileID })
      await postDiary({ text: line.data, photoFileID: fileID, ...(contestId ? { contestId } : {}) })
      forget()
      setText('')
      setLocalPath(undefined)
      setUploaded(undefined)
      await Taro.showToast({ title: contestId ? '已参加活动' : '发布成功', icon: 'success' })
      props.onPosted(contestId)
      setContestId(undefined)
    } catch (e) {
      setErrors({ form: messageOf(e) })
    }
  })

  return (
    <Card title='晒晒宝宝'>
      <View className='stack'>
        <Field label='照片' error={errors.photo} testId='diary-photo'>
          {localPath ? (
            <View onClick={() => void pick()}>
              <Image className='c-photo' src={localPath} mode='aspectFill' />
            </View>
          ) : (
            <View className='c-pick' role='button' onClick={() => void pick()}>
              <Text>＋ 选择照片</Text>
            </View>
          )}
        </Field>
        <Field label='说一句' count={{ value: text, max: MAX_TEXT }} error={errors.text} testId='diary-text'>
          <Textarea className='m-input m-input--multi' value={text} maxlength={MAX_TEXT} placeholder='今天宝宝第一次…' onInput={(e) => setText(e.detail.value)} />
        </Field>
        {open.length > 0 ? (
          <Field label='参加活动（可选）'>
            <View className='row wrap'>
              {open.map((c) => (
                <Chip key={c.id} label={c.title} selected={contestId === c.id} onToggle={() => setContestId(contestId === c.id ? undefined : c.id)} />
              ))}
            </View>
          </Field>
        ) : null}
        {errors.form ? <Banner tone='error'>{errors.form}</Banner> : null}
        <View className='m-actions'>
          <Button block loading={submit.submitting} onClick={() => void submit.run()} testId='diary-submit'>
            发布
          </Button>
        </View>
      </View>
    </Card>
  )
}
