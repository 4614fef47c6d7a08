import Taro, { useRouter } from '@tarojs/taro'
import { pageUrl } from '../../../../../domain/pages'
import { TEXT_MAX } from '../../../../../domain/form-rules'
import { contentSchemas } from '../../../../../domain/schemas/content'
import { PageShell } from '../../../../components/PageShell'
import { CloudImage } from '../../../../components/content/CloudImage'
import { TextEditor } from '../../../../components/content/TextEditor'
import { Card, EmptyState } from '../../../../components/ui'
import { announceDiaryChange } from '../../../../hooks/useDiaryChanges'
import { editDiary } from '../../../../services/content'

const decode = (s: string | undefined) => {
  try {
    return s ? decodeURIComponent(s) : ''
  } catch {
    return s ?? ''
  }
}

const backToDiaries = () => void Taro.switchTab({ url: pageUrl('diary') })

/**
 * Correcting the line of one of her diaries, opened from its 编辑 with the diary in the link (id,
 * line, photo): checked by the function's own schema; a refusal stays in the editor.
 */
export default function DiaryEditPage() {
  const params = useRouter().params
  const id = decode(params.id)
  const text = decode(params.text)
  const photo = decode(params.photo)
  if (!id) {
    return (
      <PageShell>
        <EmptyState icon='📷' title='找不到要修改的日记' hint='回到晒娃，在自己的日记上点“编辑”' />
      </PageShell>
    )
  }
  return (
    <PageShell>
      <Card>
        {photo ? <CloudImage className='c-photo' fileID={photo} alt='这条日记的照片' /> : null}
        <TextEditor
          label='修改这条日记'
          initial={text}
          max={TEXT_MAX.diary}
          schema={contentSchemas.editDiary.shape.text}
          onSave={async (saved) => {
            await editDiary(id, saved)
            announceDiaryChange({ kind: 'edited', id, text: saved })
            await Taro.showToast({ title: '已修改', icon: 'none' })
            backToDiaries()
          }}
          onCancel={backToDiaries}
          testId={`edit-${id}`}
        />
      </Card>
    </PageShell>
  )
}
