import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { evidenceGroups, evidenceImages, evidenceOpen } from '../../../../domain/live-display'
import type { Evidence } from '../../../../domain/live'
import { CloudImage } from '../../../components/content/CloudImage'
import { Card } from '../../../components/ui'
import { useSubmit } from '../../../hooks/useSubmit'
import { openCloudDocument } from '../../../services/platform'
import { previewImages } from '../services/files'
import './styles'

/**
 * The evidence a mother can check herself, grouped by kind: photos open full size (swiping through
 * the others), PDFs and other files open in the document viewer, a title alone is read as it is.
 */
export function EvidenceGallery(props: { evidence: Evidence[] }) {
  const images = evidenceImages(props.evidence)
  const open = useSubmit(async (e: Evidence) => {
    if (!e.fileID) return
    try {
      if (evidenceOpen(e) === 'image') await previewImages(images, e.fileID)
      else await openCloudDocument(e.fileID)
    } catch {
      await Taro.showToast({ title: '文件暂时打不开，请稍后再试', icon: 'none' })
    }
  })
  const groups = evidenceGroups(props.evidence)
  if (groups.length === 0) return null
  return (
    <Card title='证据公开'>
      <Text className='caption'>直播前公开，点开可以看原件</Text>
      {groups.map((g) => {
        const photos = g.items.filter((e) => evidenceOpen(e) === 'image')
        const files = g.items.filter((e) => evidenceOpen(e) === 'document')
        const notes = g.items.filter((e) => evidenceOpen(e) === 'note')
        return (
          <View key={g.kind} className='l-group' data-testid={`evidence-${g.kind}`}>
            <Text className='l-group__label'>✓ {g.label}</Text>
            {photos.length > 0 ? (
              <View className='l-grid'>
                {photos.map((e) => (
                  <View key={e.fileID} className='l-thumb' role='button' aria-label={`查看${e.title}`} data-testid='evidence-image' onClick={() => void open.run(e)}>
                    <CloudImage className='l-thumb__img' fileID={e.fileID as string} alt={e.title} />
                    <Text className='l-thumb__title'>{e.title}</Text>
                  </View>
                ))}
              </View>
            ) : null}
            {files.map((e) => (
              <View key={e.fileID} className='l-doc' role='button' data-testid='evidence-file' onClick={() => void open.run(e)}>
                <Text className='l-doc__icon'>📄</Text>
                <Text className='l-doc__title'>{e.title}</Text>
                <Text className='l-doc__go'>{open.submitting ? '打开中…' : '查看原件 ›'}</Text>
              </View>
            ))}
            {notes.map((e, i) => (
              <Text key={`${i}-${e.title}`} className='l-note'>
                {e.title}
              </Text>
            ))}
          </View>
        )
      })}
    </Card>
  )
}
