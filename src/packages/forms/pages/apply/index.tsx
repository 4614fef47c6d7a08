import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { pageUrl } from '../../../../../domain/pages'
import { PageShell } from '../../../../components/PageShell'
import { ApplyForm } from '../../components/ApplyForm'
import { draftFromApplication } from '../../components/application'
import { Loading } from '../../../../components/ui'
import { useCloudQuery } from '../../../../hooks/useCloud'
import { fetchMe } from '../../../../services/member'

/** After she applies: say what happens next, then home shows her "审核中". */
async function confirmSubmitted() {
  await Taro.showModal({
    title: '申请已提交',
    content: '团长会尽快审核，结果会通过微信通知你，也可以在首页查看进度。',
    showCancel: false,
    confirmText: '好的',
  })
  // home is a tab page: relaunching it shows her new status at once
  await Taro.reLaunch({ url: pageUrl('home') })
}

export default function ApplyPage() {
  // an applicant editing her application starts from what she sent
  const me = useCloudQuery(fetchMe)
  const editing = Boolean(me.data?.application && me.data.status !== 'visitor')
  return (
    <PageShell>
      <View>
        <Text className='headline'>{editing ? '修改申请信息' : '加入亲亲宝贝妈妈圈'}</Text>
        <View>
          <Text className='caption'>
            {editing ? '改好后重新提交，团长会按新的信息审核' : '填写几项基本信息，团长审核通过后就能参加会员专享活动啦'}
          </Text>
        </View>
      </View>
      {me.loading && !me.data ? <Loading /> : null}
      {/* without her status she can still apply: only the pre-filling is lost */}
      {me.data || me.error ? (
        <ApplyForm onSubmitted={confirmSubmitted} initial={me.data?.application ? draftFromApplication(me.data.application) : undefined} />
      ) : null}
    </PageShell>
  )
}
