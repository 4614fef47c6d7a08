import { Text, View } from '@tarojs/components'
import { PageShell } from '../../components/PageShell'
import { PostFeed } from '../../components/content/PostFeed'
import { ApplicationStatus } from '../../components/member/ApplicationStatus'
import { CommunityIntro } from '../../components/member/CommunityIntro'
import { FeedingGuideCard } from '../../components/member/FeedingGuideCard'
import { MemberWelcome } from '../../components/member/MemberWelcome'
import { ErrorState, Loading } from '../../components/ui'
import { useCloudQuery } from '../../hooks/useCloud'
import { useReloadOnShow } from '../../hooks/useReloadOnShow'
import { fetchMe } from '../../services/member'

export default function HomePage() {
  const me = useCloudQuery(fetchMe)
  useReloadOnShow(me.reload)
  const data = me.data
  // the landing content needs no status: a failed load still shows it (with a retry above)
  const landing = data ? data.status !== 'member' : Boolean(me.error)
  return (
    <PageShell>
      <View>
        <Text className='headline'>亲亲宝贝 · 妈妈圈</Text>
        <View>
          <Text className='caption'>真实妈妈的信任社群</Text>
        </View>
      </View>
      {me.loading && !data ? <Loading /> : null}
      {me.error && !data ? <ErrorState message={me.error.message} onRetry={me.reload} /> : null}
      {data?.status === 'member' ? (
        <>
          <MemberWelcome me={data} />
          <PostFeed />
        </>
      ) : null}
      {landing ? (
        <>
          {data && data.status !== 'visitor' ? <ApplicationStatus me={data} /> : null}
          <CommunityIntro />
          <FeedingGuideCard />
          {data?.status === 'visitor' ? <ApplicationStatus me={data} /> : null}
        </>
      ) : null}
    </PageShell>
  )
}
