import { View, Text } from '@tarojs/components'
import { quotaProgress } from '../../../domain/quota'
import './ui.css'

/** Chain fill: "已接 37 / 50 份，仅剩 13 份". */
export function ProgressBar(props: { sold: number; quota: number; unit?: string }) {
  const p = quotaProgress(props.sold, props.quota)
  const unit = props.unit ?? '份'
  return (
    <View className='ui-progress' aria-label={p.label}>
      <View className='ui-progress__track'>
        <View className={`ui-progress__fill${p.full ? ' ui-progress__fill--full' : ''}`} style={{ width: `${p.percent}%` }} />
      </View>
      <Text className='ui-progress__label'>
        已接 {p.sold} / {p.quota} {unit}，{p.full ? '已满' : `仅剩 ${p.remaining} ${unit}`}
      </Text>
    </View>
  )
}
