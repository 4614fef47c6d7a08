import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { CloudImage } from '../../../../components/content/CloudImage'
import { messageOf } from '../../../../components/content/errors'
import { pickDocument, pickImage, uploadPicked } from './files'
import { isPdf } from './live-draft'
import { TextButton } from './TextButton'
import './live.css'

/**
 * One file in cloud storage: the picked photo (or a PDF's name), or a dashed box to pick one. The
 * file is uploaded at once, so the form (and its kept draft) only ever holds a fileID.
 */
export function UploadBox(props: {
  fileID: string
  fileName?: string
  kind: 'image' | 'document'
  folder: string
  prompt: string
  onChange: (fileID: string, fileName: string) => void
  size?: 'cover' | 'thumb'
  testId?: string
}) {
  const [busy, setBusy] = useState(false)
  const size = props.size ?? 'cover'

  async function pick() {
    if (busy) return
    const file = await (props.kind === 'image' ? pickImage() : pickDocument())
    if (!file) return
    setBusy(true)
    try {
      props.onChange(await uploadPicked(file, props.folder), file.name)
    } catch (e) {
      await Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy(false)
    }
  }

  if (busy) {
    return (
      <View className={`l-upload l-upload--${size}`} aria-busy='true' data-testid={props.testId}>
        <Text>上传中…</Text>
      </View>
    )
  }
  if (!props.fileID) {
    return (
      <View className={`l-upload l-upload--${size}`} role='button' data-testid={props.testId} onClick={() => void pick()}>
        <Text>{`＋ ${props.prompt}`}</Text>
      </View>
    )
  }
  const pdf = isPdf(props.fileName || props.fileID)
  return (
    <View className='l-upload__done' data-testid={props.testId}>
      {pdf ? (
        <View className={`l-upload l-upload--${size} l-upload--pdf`}>
          <Text className='l-upload__pdf-icon'>📄</Text>
          <Text className='l-upload__name'>{props.fileName || 'PDF 文件'}</Text>
        </View>
      ) : (
        <CloudImage className={`l-upload__image l-upload--${size}`} fileID={props.fileID} alt={props.prompt} />
      )}
      <View className='row'>
        <TextButton onClick={() => void pick()}>更换</TextButton>
        <TextButton onClick={() => props.onChange('', '')}>移除</TextButton>
      </View>
    </View>
  )
}
