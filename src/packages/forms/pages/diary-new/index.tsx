import Taro from '@tarojs/taro'
import { pageUrl } from '../../../../../domain/pages'
import { PageShell } from '../../../../components/PageShell'
import { MembersOnly } from '../../../../components/member/MembersOnly'
import { ErrorState } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { announceDiaryChange } from '../../../../hooks/useDiaryChanges'
import { fetchContests } from '../../../../services/content'
import { DiaryComposer } from '../../components/DiaryComposer'

/** 晒娃 from the tab's ＋: once posted, back to the tab, on the contest she entered if any. */
export default function DiaryNewPage() {
  // the open contests she may enter; without them she can still post
  const contests = useCloudQuery(fetchContests)
  if (contests.error?.code === 'NOT_MEMBER') return <PageShell><MembersOnly what='晒娃日记' icon='📷' /></PageShell>
  return (
    <PageShell>
      {contests.error ? <ErrorState message={contests.error.message} onRetry={contests.reload} /> : null}
      <DiaryComposer
        contests={contests.data?.items ?? []}
        onPosted={(contestId) => {
          announceDiaryChange({ kind: 'posted', contestId })
          // the tab page: switchTab also closes this form, however she reached it
          void Taro.switchTab({ url: pageUrl('diary') })
        }}
      />
    </PageShell>
  )
}
