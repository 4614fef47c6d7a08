import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useSubmit } from '../../hooks/useSubmit'
import { CloudError } from '../../services/cloud'
import { deleteMyAccount, exportMyData } from '../../services/member'
import { saveJson } from '../../services/platform'
import { colors } from '../../styles/tokens'
import { Button, Card } from '../ui'
import './member.css'

const failed = (e: unknown) => (e instanceof CloudError ? e.message : '操作没有成功，请稍后再试')

export const DELETE_WARNING =
  '注销后，你的昵称、宝宝生日、手机号、标签以及发布的提问和日记会被永久删除，无法恢复。' +
  '已有订单会去掉你的个人信息、匿名保留，仅用于财务对账。确定要注销吗？'

/** Her rights over her data (PIPL): take a copy, or erase it. */
export function MyDataCard(props: { onDeleted: () => Promise<void> | void }) {
  const exporting = useSubmit(async () => {
    try {
      const data = await exportMyData()
      const how = await saveJson(`亲亲宝贝-我的数据-${data.exportedAt.slice(0, 10)}.json`, data)
      await Taro.showModal({
        title: '导出成功',
        content: how === 'clipboard' ? '你的数据（JSON 格式）已复制到剪贴板，可以粘贴到聊天或备忘录中保存。' : '你的数据已下载为 JSON 文件。',
        showCancel: false,
      })
    } catch (e) {
      await Taro.showToast({ title: failed(e), icon: 'none' })
    }
  })

  const deleting = useSubmit(async () => {
    const answer = await Taro.showModal({
      title: '注销账号',
      content: DELETE_WARNING,
      confirmText: '确认注销',
      confirmColor: colors.danger,
      cancelText: '再想想',
    })
    if (!answer.confirm) return
    try {
      await deleteMyAccount()
    } catch (e) {
      await Taro.showToast({ title: failed(e), icon: 'none' })
      return
    }
    await Taro.showToast({ title: '已注销', icon: 'success' })
    await props.onDeleted()
  })

  const busy = exporting.submitting || deleting.submitting
  return (
    <Card title='我的数据'>
      <Text className='caption'>你可以随时取走或删除我们保存的关于你的信息。</Text>
      <View className='m-actions m-footer'>
        <Button variant='secondary' loading={exporting.submitting} disabled={busy} onClick={() => void exporting.run()}>
          导出我的数据
        </Button>
        <Button variant='ghost' loading={deleting.submitting} disabled={busy} onClick={() => void deleting.run()}>
          注销账号
        </Button>
      </View>
    </Card>
  )
}
