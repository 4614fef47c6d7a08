import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import type { MemberExportFiles } from '../../../domain/api'
import { chinaDateTime } from '../../../domain/export-summary'
import { useSubmit } from '../../hooks/useSubmit'
import { CloudError } from '../../services/cloud'
import { deleteMyAccount, exportMyFiles } from '../../services/member'
import { openLink } from '../../services/platform'
import { colors } from '../../styles/tokens'
import { Button, Card } from '../ui'
import './styles'

const failed = (e: unknown) => (e instanceof CloudError ? e.message : '操作没有成功，请稍后再试')

export const DELETE_WARNING =
  '注销后，你的昵称、宝宝生日、手机号、标签以及发布的提问和日记会被永久删除，无法恢复。' +
  '已有订单会去掉你的个人信息、匿名保留，仅用于财务对账。确定要注销吗？'

/** Opens one export file; on weapp the link is copied and she is told where to paste it. */
async function open(url: string, what: string, until: string) {
  if ((await openLink(url)) === 'clipboard') {
    await Taro.showModal({ title: '链接已复制', content: `${what}的链接已复制，请粘贴到手机浏览器中打开。链接有效至 ${until}。`, showCancel: false })
  }
}

/** The two files of an export, each one tap away, and until when their links work. */
function ExportResult(props: { files: MemberExportFiles }) {
  const until = chinaDateTime(props.files.linksValidUntil)
  return (
    <View className='m-export' data-testid='export-result'>
      <Text className='caption'>已生成你的数据（{chinaDateTime(props.files.exportedAt)}），链接有效至 {until}，过期后可重新导出。</Text>
      <View className='m-actions'>
        <Button onClick={() => void open(props.files.summary.url, '可读版', until)}>打开可读版</Button>
        <Button variant='ghost' onClick={() => void open(props.files.data.url, '数据文件', until)}>下载数据文件</Button>
      </View>
    </View>
  )
}

/** Her rights over her data (PIPL): take a copy, or erase it. */
export function MyDataCard(props: { onDeleted: () => Promise<void> | void }) {
  const [files, setFiles] = useState<MemberExportFiles>()
  const exporting = useSubmit(async () => {
    try {
      setFiles(await exportMyFiles())
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
      <Text className='caption'>你可以随时取走或删除我们保存的关于你的信息：可读版是一份中文网页，数据文件是完整的 JSON。</Text>
      {files ? <ExportResult files={files} /> : null}
      <View className='m-actions m-footer'>
        <Button variant='secondary' loading={exporting.submitting} disabled={busy} onClick={() => void exporting.run()}>
          {files ? '重新导出' : '导出我的数据'}
        </Button>
        <Button variant='ghost' loading={deleting.submitting} disabled={busy} onClick={() => void deleting.run()}>
          注销账号
        </Button>
      </View>
    </Card>
  )
}
