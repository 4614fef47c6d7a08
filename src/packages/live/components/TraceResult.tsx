import Taro from '@tarojs/taro'
import { Text, View } from '@tarojs/components'
import type { TraceLookupView } from '../../../../domain/trace'
import { queryHistory, traceVerdict } from '../../../../domain/trace-display'
import { ShareButton } from '../../../components/content/ShareButton'
import { Card } from '../../../components/ui'
import { useSubmit } from '../../../hooks/useSubmit'
import { openCloudDocument } from '../../../services/platform'
import { traceShare } from '../services/share'
import { ServiceContact } from './ServiceContact'
import './styles'

function Row(props: { label: string; value: string; onOpen?: () => void; testId?: string }) {
  return (
    <View className='t-row' data-testid={props.testId} onClick={props.onOpen}>
      <Text className='t-row__label'>{props.label}</Text>
      <Text className={`t-row__value${props.onOpen ? ' t-row__link' : ''}`}>{props.value}</Text>
    </View>
  )
}

/** The batch, its dates and papers, as the lookup found them. */
function BatchFacts(props: { view: TraceLookupView }) {
  const { view } = props
  const open = useSubmit(async (fileID: string) => {
    try {
      await openCloudDocument(fileID)
    } catch {
      await Taro.showToast({ title: '文件暂时打不开，请稍后再试', icon: 'none' })
    }
  })
  const files = view.evidence.filter((e) => e.fileID)
  return (
    <View data-testid='trace-facts'>
      <Row label='溯源码' value={view.code} />
      {view.product ? <Row label='商品' value={view.product} /> : null}
      {view.batch ? <Row label='批次号' value={view.batch.batchNo} /> : null}
      {view.producedAt ? <Row label='生产日期' value={view.producedAt} /> : null}
      {view.expiresAt ? <Row label='保质期至' value={view.expiresAt} /> : null}
      {view.batch ? <Row label='报关单号' value={view.batch.customsNo} /> : null}
      {files.map((e) => (
        <Row key={e.fileID} label={e.title} value={open.submitting ? '打开中…' : '查看原件 ›'} testId='trace-report' onOpen={() => void open.run(e.fileID as string)} />
      ))}
    </View>
  )
}

/** 假一赔十 and the way to customer service: what a mother holding a doubtful can needs next. */
function AfterSalesPromise() {
  return (
    <View className='t-promise'>
      <Text className='t-promise__badge'>假一赔十</Text>
      <Text className='t-promise__text'>亲亲宝贝承诺：经核实为假冒产品，按购买价十倍赔偿。请保留罐子和购买记录，联系客服核实。</Text>
    </View>
  )
}

/** A lookup's answer: genuine (green, with the batch), or a red counterfeit warning with the promise and the way to customer service. */
export function TraceResult(props: { view: TraceLookupView }) {
  const { view } = props
  const verdict = traceVerdict(view)
  if (verdict === 'genuine') {
    return (
      <Card>
        <View className='t-verdict t-verdict--ok' data-testid='trace-genuine'>
          <Text className='t-verdict__icon'>✅</Text>
          <View className='t-verdict__text'>
            <Text className='t-verdict__title'>查验通过：亲亲宝贝正品</Text>
            <Text>这罐的出厂批次、报关单和质检报告如下</Text>
          </View>
        </View>
        <BatchFacts view={view} />
        <Text className='t-history' data-testid='trace-history'>{queryHistory(view)}</Text>
        {view.queryCount > 1 ? <Text className='t-history'>如果之前的查询不是你或家人，请联系客服核实。</Text> : null}
        <View className='row-between l-share'>
          <Text className='caption'>把查验结果发给家人看看</Text>
          <ShareButton shareKey='trace' content={traceShare(view)} />
        </View>
      </Card>
    )
  }
  return (
    <Card className='t-warn'>
      <View className='t-verdict t-verdict--warn' role='alert' data-testid='trace-warning'>
        <Text className='t-verdict__icon'>⚠️</Text>
        <View className='t-verdict__text'>
          <Text className='t-verdict__title'>{verdict === 'unknown' ? '未查到这个溯源码' : '这个溯源码可能被仿冒'}</Text>
          <Text>{verdict === 'unknown' ? '请先核对输入是否与罐底一致' : '很多人查过同一个码，可能是复制到别的罐上了'}</Text>
        </View>
      </View>
      <Text className='t-warn__message'>{view.warning?.message}</Text>
      <AfterSalesPromise />
      <ServiceContact />
      {verdict === 'suspicious' ? (
        <View className='l-group'>
          <Text className='l-group__label'>该码登记的批次信息</Text>
          <BatchFacts view={view} />
          <Text className='t-history'>{queryHistory(view)}</Text>
        </View>
      ) : null}
    </Card>
  )
}
