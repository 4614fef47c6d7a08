import { Text, View } from '@tarojs/components'
import type { ImportReport } from '../../../../../domain/trace'
import type { CodesToImport } from '../../../../../domain/trace-input'
import { Button, Card } from '../../../../components/ui'
import '../live/live.css'

/** 100000 → "100,000" (the same on every platform, unlike toLocaleString). */
export const thousands = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',')

const SAMPLE = 5
const sample = (codes: readonly string[]) => (codes.length ? `：${codes.slice(0, SAMPLE).join('、')}${codes.length > SAMPLE ? ' 等' : ''}` : '')

/**
 * What an import did: how many codes went in, and every kind of duplicate and skipped entry, each
 * with a few examples — repeats are stored once, codes of another batch are left where they are.
 */
export function ImportReportCard(props: { report: ImportReport; read: CodesToImport; batchNo: string; onNewBatch: () => void }) {
  const { report: r, read } = props
  const repeated = read.repeatedCount + r.duplicates.inRequest.count
  const rows: { key: string; label: string; tone?: 'warn' }[] = [
    ...(repeated ? [{ key: 'repeated', label: `重复 ${thousands(repeated)} 个，只导入一次${sample([...read.repeated, ...r.duplicates.inRequest.sample])}` }] : []),
    ...(r.duplicates.alreadyInBatch.count ? [{ key: 'already', label: `本批次已导入过 ${thousands(r.duplicates.alreadyInBatch.count)} 个，没有重复导入${sample(r.duplicates.alreadyInBatch.sample)}` }] : []),
    ...(r.duplicates.inOtherBatch.count
      ? [{ key: 'other', label: `属于其他批次 ${thousands(r.duplicates.inOtherBatch.count)} 个，没有导入，请核对${sample(r.duplicates.inOtherBatch.sample)}`, tone: 'warn' as const }]
      : []),
    ...(read.invalid.length ? [{ key: 'invalid', label: `不是溯源码 ${thousands(read.invalid.length)} 条，已跳过${sample(read.invalid.map((i) => i.value))}`, tone: 'warn' as const }] : []),
  ]
  return (
    <Card title='导入结果'>
      <View data-testid='trace-report'>
        <View className='l-report__head'>
          <View className='l-report__line'>
            <Text className='l-report__value' data-testid='trace-report-imported'>{thousands(r.imported)}</Text>
            <Text className='l-report__unit'>个新码已导入</Text>
          </View>
          <Text className='caption'>{`批次 ${props.batchNo} 现在共 ${thousands(r.batchCodeCount)} 个码`}</Text>
        </View>
        {rows.length === 0 ? <Text className='l-report__row'>✅ 没有重复或无效的码</Text> : null}
        {rows.map((row) => (
          <Text key={row.key} className={`l-report__row${row.tone ? ' l-report__row--warn' : ''}`} data-testid={`trace-report-${row.key}`}>
            {`${row.tone ? '⚠️' : '🔁'} ${row.label}`}
          </Text>
        ))}
        <View className='l-actions'>
          <Button variant='ghost' onClick={props.onNewBatch}>开始新批次</Button>
        </View>
      </View>
    </Card>
  )
}
