import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { LANDING } from '../../../domain/labels'
import type { MeView } from '../../../domain/member'
import { PageShell } from '../../components/PageShell'
import { PostFeedList, useFeed } from '../../components/content/PostFeed'
import { QaEntry } from '../../components/content/QaEntry'
import { fetchHomeLives, NextLiveCard } from '../../components/live/NextLiveCard'
import { TraceEntry } from '../../components/live/TraceEntry'
import { ApplicationStatus } from '../../components/member/ApplicationStatus'
import { CommunityIntro } from '../../components/member/CommunityIntro'
import { FeedingGuideCard } from '../../components/member/FeedingGuideCard'
import { MemberWelcome } from '../../components/member/MemberWelcome'
import { SharedTeaser } from '../../components/member/SharedTeaser'
import { StaffEntry } from '../../components/staff/StaffEntry'
import { ErrorState, Loading } from '../../components/ui'
import { useCloudQuery } from '../../hooks/useCloud'
import { usePullToRefresh } from '../../hooks/usePullToRefresh'
import { useReloadOnShow } from '../../hooks/useReloadOnShow'
import { useShare } from '../../hooks/useShare'
import { fetchPost } from '../../services/content'
import { fetchMe, lastKnownStatus } from '../../services/member'
import { postShare, sharedItem } from '../../services/share'

/** A member's feed (with the next live, the trace lookup and the Q&A one tap away), or the landing page for everyone else. */
function MemberHome(props: { shared?: { id: string; title: string } }) {
  const feed = useFeed()
  const lives = useCloudQuery(fetchHomeLives)
  const sharedId = props.shared?.id
  // the shared post by id: it opens however far down the feed it is
  const sharedPost = useCloudQuery(() => (sharedId ? fetchPost(sharedId) : Promise.resolve(undefined)), [sharedId])
  const refresh = () => {
    feed.reload()
    lives.reload()
    sharedPost.reload()
  }
  useReloadOnShow(() => {
    feed.reload()
    lives.reload()
  })
  usePullToRefresh(refresh, feed.loading)
  useShare((key) => {
    const all = sharedPost.data ? [sharedPost.data, ...feed.items] : feed.items
    const post = key?.startsWith('post:') ? all.find((p) => `post:${p.id}` === key) : undefined
    return post ? postShare(post) : undefined
  })
  const shared = props.shared ? { ...props.shared, post: sharedPost.data, missing: sharedPost.error?.code === 'NOT_FOUND' } : undefined
  return (
    <>
      <NextLiveCard lives={lives.data} />
      <TraceEntry />
      <QaEntry />
      <PostFeedList feed={feed} shared={shared} />
    </>
  )
}

/**
 * The landing page shares itself and refreshes her status. A page keeps one share and one
 * pull-down handler, so only the branch on screen registers them.
 */
function LandingHooks(props: { reload: () => void; loading: boolean }) {
  useShare(() => undefined)
  usePullToRefresh(props.reload, props.loading)
  return null
}

/** What the landing page draws for her before the first answer. */
const VISITOR: MeView = { openid: '', status: 'visitor', roles: [], tags: [] }

export default function HomePage() {
  const me = useCloudQuery(fetchMe)
  const shared = sharedItem(useRouter().params, 'post')
  useReloadOnShow(me.reload)
  // First screen: a newcomer (or a visitor as this device last knew her) gets the landing page and
  // its apply button at once, not after the round trip. Anyone this device knew as more than a
  // visitor waits for her answer, so she never sees a button that is not hers.
  const [visitorAtFirst] = useState(() => (lastKnownStatus() ?? 'visitor') === 'visitor')
  const data = me.data
  const early = !data && !me.error && visitorAtFirst
  const member = data?.status === 'member'
  // the landing content needs no status: a failed load still shows it (with a retry above)
  const landing = data ? !member : Boolean(me.error) || early
  const applicant = data ?? (early ? VISITOR : undefined)
  return (
    <PageShell>
      <View>
        <Text className='headline'>{LANDING.headline}</Text>
        <View>
          <Text className='caption'>{LANDING.caption}</Text>
        </View>
      </View>
      {me.loading && !data && !early ? <Loading /> : null}
      {me.error && !data ? <ErrorState message={me.error.message} onRetry={me.reload} /> : null}
      {data ? <StaffEntry roles={data.roles} /> : null}
      {member && data ? (
        <>
          <MemberWelcome me={data} />
          <MemberHome shared={shared} />
        </>
      ) : null}
      {landing ? (
        <>
          <LandingHooks reload={me.reload} loading={me.loading} />
          {shared ? <SharedTeaser kind='post' title={shared.title} /> : null}
          {/* first thing on the first screen: what she can do next (apply, or where her application stands) */}
          {applicant ? <ApplicationStatus me={applicant} /> : null}
          <CommunityIntro />
          <TraceEntry />
          <FeedingGuideCard />
        </>
      ) : null}
    </PageShell>
  )
}
