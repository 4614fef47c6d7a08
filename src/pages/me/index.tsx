import Taro from '@tarojs/taro'
import { pageUrl } from '../../../domain/pages'
import { PageShell } from '../../components/PageShell'
import { LinkList, type LinkItem } from '../../components/member/LinkList'
import { MyDataCard } from '../../components/member/MyDataCard'
import { ProfileCard } from '../../components/member/ProfileCard'
import { StaffEntry } from '../../components/staff/StaffEntry'
import { Button, ErrorState, Loading } from '../../components/ui'
import { useCloudQuery } from '../../hooks/useCloud'
import { useReloadOnShow } from '../../hooks/useReloadOnShow'
import { fetchMe } from '../../services/member'

const go = (url: string) => () => void Taro.navigateTo({ url })

const MY_LINKS: LinkItem[] = [
  { label: '我的提问', hint: '问过专家的问题和回答', onOpen: go(pageUrl('qa')) },
  // the diary is a tab page: only switchTab may open it
  { label: '成长日记', hint: '记录宝宝的每一个第一次', onOpen: () => void Taro.switchTab({ url: pageUrl('diary') }) },
]

/** Back to home as a visitor: relaunch so no page keeps her old state. */
async function afterDeleted() {
  await Taro.reLaunch({ url: pageUrl('home') })
}

export default function MePage() {
  const me = useCloudQuery(fetchMe)
  useReloadOnShow(me.reload)
  if (me.loading && !me.data) return <PageShell><Loading /></PageShell>
  if (me.error && !me.data) return <PageShell><ErrorState message={me.error.message} onRetry={me.reload} /></PageShell>
  const data = me.data
  if (!data) return null
  return (
    <PageShell>
      <ProfileCard me={data} />
      {data.status === 'visitor' ? (
        <Button block onClick={go(pageUrl('apply'))}>申请加入妈妈圈</Button>
      ) : null}
      {data.status === 'member' ? <LinkList title='我的内容' links={MY_LINKS} /> : null}
      <StaffEntry roles={data.roles} />
      {data.status !== 'visitor' ? <MyDataCard onDeleted={afterDeleted} /> : null}
    </PageShell>
  )
}
