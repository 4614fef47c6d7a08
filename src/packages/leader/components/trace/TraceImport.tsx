import Taro from '@tarojs/taro'
import { Input, Picker, Text, Textarea, View } from '@tarojs/components'
import { useMemo, useState } from 'react'
import { traceSchemas } from '../../../../../domain/schemas/trace'
import { readCodes, type CodeSource, type CodesToImport } from '../../../../../domain/trace-input'
import type { ImportReport } from '../../../../../domain/trace'
import { chinaDay } from '../../../../../domain/time'
import { Banner } from '../../../../components/member/Banner'
import { Chip } from '../../../../components/member/Chip'
import { Field } from '../../../../components/member/Field'
import { Button, Card } from '../../../../components/ui'
import { useDraft } from '../../../../hooks/useDraft'
import { useSubmit } from '../../../../hooks/useSubmit'
import { toCloudError } from '../../../../services/cloud'
import { importCodes } from '../../../../services/trace'
import { pickTextFile } from '../live/files'
import { errorsOf, type FieldErrors } from '../live/live-draft'
import { scrollToFirstError, scrollToTop } from '../live/scroll'
import { TextButton } from '../live/TextButton'
import { UploadBox } from '../live/UploadBox'
import { ImportReportCard, thousands } from './ImportReportCard'
import '../../../../components/content/styles'
import '../live/live.css'

interface BatchDraft {
  batchNo: string
  product: string
  producedAt: string
  expiresAt: string
  customsNo: string
  qualityReportFileID: string
  qualityReportName: string
}

const EMPTY_BATCH: BatchDraft = { batchNo: '', product: '', producedAt: '', expiresAt: '', customsNo: '', qualityReportFileID: '', qualityReportName: '' }

const PREVIEW_INVALID = 3

/** The same day two years on (29 February becomes the 28th). */
function twoYearsAfter(day: string): string {
  const [y, m, d] = day.split('-')
  return `${Number(y) + 2}-${m}-${m === '02' && d === '29' ? '28' : d}`
}

/** How the codes read so far, before anything is sent. */
function ReadSummary({ read, source }: { read: CodesToImport; source: CodeSource }) {
  if (read.entries === 0) return null
  const parts = [`可导入 ${thousands(read.codes.length)} 个`]
  if (read.repeatedCount) parts.push(`重复 ${thousands(read.repeatedCount)} 个（只导入一次）`)
  if (read.invalid.length) parts.push(`不是溯源码 ${thousands(read.invalid.length)} 条`)
  return (
    <View className='l-read' data-testid='trace-read'>
      <Text>{`读到 ${thousands(read.entries)} 条：${parts.join('，')}`}</Text>
      {read.headerSkipped ? <Text className='caption'>第一行是表头，已跳过</Text> : null}
      {read.invalid.slice(0, PREVIEW_INVALID).map((bad) => (
        <Text key={bad.at} className='caption l-read__bad'>{`第 ${bad.at} ${source === 'csv' ? '行' : '个'}「${bad.value}」不是溯源码（6–40 位字母、数字或 -）`}</Text>
      ))}
      {read.invalid.length > PREVIEW_INVALID ? <Text className='caption'>{`还有 ${read.invalid.length - PREVIEW_INVALID} 条…`}</Text> : null}
    </View>
  )
}

/**
 * Import a batch's can codes: the batch (number, product, dates, customs declaration, quality report)
 * and its codes, pasted or from a CSV file. Large imports go in chunks with a progress bar; the
 * report lists what was imported, repeated, already there or skipped.
 */
export function TraceImport() {
  const [batch, setBatch, forgetBatch] = useDraft<BatchDraft>('trace-batch', EMPTY_BATCH)
  const [source, setSource] = useState<CodeSource>('paste')
  const [pasted, setPasted] = useState('')
  const [csv, setCsv] = useState<{ name: string; text: string }>()
  const [errors, setErrors] = useState<FieldErrors>({})
  const [serverError, setServerError] = useState<string>()
  const [progress, setProgress] = useState<{ done: number; total: number }>()
  const [result, setResult] = useState<{ report: ImportReport; read: CodesToImport; batchNo: string }>()
  const set = <K extends keyof BatchDraft>(key: K, value: BatchDraft[K]) => setBatch((b) => ({ ...b, [key]: value }))

  const text = source === 'paste' ? pasted : (csv?.text ?? '')
  const read = useMemo(() => readCodes(text, source), [text, source])

  async function chooseCsv() {
    try {
      const file = await pickTextFile()
      if (file) setCsv(file)
    } catch {
      await Taro.showToast({ title: '没有读到文件，请确认是 CSV 或文本文件', icon: 'none' })
    }
  }

  const submit = useSubmit(async () => {
    setServerError(undefined)
    const fields = {
      batchNo: batch.batchNo.trim(),
      product: batch.product.trim(),
      producedAt: batch.producedAt,
      expiresAt: batch.expiresAt,
      customsNo: batch.customsNo.trim(),
      qualityReportFileID: batch.qualityReportFileID,
    }
    // the batch fields checked by the function's own schema (the codes are read above)
    const parsed = traceSchemas.importCodes.safeParse({ ...fields, codes: ['AAAAAA'], requestId: 'check-only' })
    const found = parsed.success ? {} : errorsOf(parsed.error.issues)
    if (!batch.producedAt) found.producedAt = '生产日期：请选择生产日期'
    if (!batch.expiresAt) found.expiresAt = '保质期至：请选择日期'
    if (!batch.qualityReportFileID) found.qualityReportFileID = '质检报告：请上传质检报告'
    if (read.codes.length === 0) found.codes = source === 'paste' ? '溯源码：请粘贴溯源码' : '溯源码：请选择 CSV 文件'
    setErrors(found)
    if (Object.keys(found).length > 0) {
      scrollToFirstError()
      return
    }
    if (read.invalid.length > 0) {
      const answer = await Taro.showModal({
        title: `有 ${read.invalid.length} 条不是溯源码`,
        content: `第 ${read.invalid[0].at} 条「${read.invalid[0].value}」等不会导入，其余 ${read.codes.length} 个照常导入`,
        confirmText: '继续导入',
      })
      if (!answer.confirm) return
    }
    setResult(undefined)
    setProgress({ done: 0, total: read.codes.length })
    let stored = 0
    try {
      const report = await importCodes(fields, read.codes, (done, total) => {
        stored = done
        setProgress({ done, total })
      })
      setResult({ report, read, batchNo: fields.batchNo })
      // the batch stays filled in: more codes for it are one paste away
      setPasted('')
      setCsv(undefined)
      // the report is at the top of the page
      scrollToTop()
      await Taro.showToast({ title: `已导入 ${thousands(report.imported)} 个`, icon: 'none' })
    } catch (e) {
      const error = toCloudError(e)
      // chunks already stored are reported as already in the batch on a second try, never doubled
      setServerError(stored > 0 ? `${error.message}（已导入 ${thousands(stored)} 个，再导入一次不会重复）` : error.message)
    } finally {
      setProgress(undefined)
    }
  })

  const errorCount = Object.keys(errors).length
  const today = chinaDay(new Date())
  // formula keeps two to three years: the expiry picker opens two years after production
  const expiryGuess = twoYearsAfter(batch.producedAt || today)
  return (
    <View className='stack' data-testid='trace-import'>
      {result ? (
        <ImportReportCard
          report={result.report}
          read={result.read}
          batchNo={result.batchNo}
          onNewBatch={() => {
            setBatch(() => EMPTY_BATCH)
            // after the reset: the empty form is not kept as a draft
            forgetBatch()
            setResult(undefined)
            setErrors({})
          }}
        />
      ) : null}
      <Card title='批次信息'>
        <View className='stack'>
          <Field label='批次号' hint='字母、数字、- 或 _，印在罐底' error={errors.batchNo} count={{ value: batch.batchNo, max: 40 }}>
            <Input className={`m-input${errors.batchNo ? ' m-input--error' : ''}`} value={batch.batchNo} maxlength={40} placeholder='例如：NZ2026-10A' onInput={(e) => set('batchNo', e.detail.value)} />
          </Field>
          <Field label='商品' error={errors.product} count={{ value: batch.product, max: 30 }}>
            <Input className={`m-input${errors.product ? ' m-input--error' : ''}`} value={batch.product} maxlength={30} placeholder='例如：A2 奶粉 1 段 900g' onInput={(e) => set('product', e.detail.value)} />
          </Field>
          <Field label='生产日期 / 保质期至' error={errors.producedAt ?? errors.expiresAt}>
            <View className='m-picker-row'>
              <Picker mode='date' value={batch.producedAt || today} end={today} onChange={(e) => set('producedAt', String(e.detail.value))}>
                <View className={`l-picker${batch.producedAt ? '' : ' l-picker--empty'}`} data-testid='trace-produced'>
                  <Text>{batch.producedAt ? `🏭 ${batch.producedAt}` : '🏭 生产日期'}</Text>
                </View>
              </Picker>
              <Picker mode='date' value={batch.expiresAt || expiryGuess} start={batch.producedAt || undefined} onChange={(e) => set('expiresAt', String(e.detail.value))}>
                <View className={`l-picker${batch.expiresAt ? '' : ' l-picker--empty'}`} data-testid='trace-expires'>
                  <Text>{batch.expiresAt ? `⌛ ${batch.expiresAt}` : '⌛ 保质期至'}</Text>
                </View>
              </Picker>
            </View>
          </Field>
          <Field label='报关单号' error={errors.customsNo} count={{ value: batch.customsNo, max: 40 }}>
            <Input className={`m-input${errors.customsNo ? ' m-input--error' : ''}`} value={batch.customsNo} maxlength={40} placeholder='报关单上的 18 位编号' onInput={(e) => set('customsNo', e.detail.value)} />
          </Field>
          <Field label='质检报告' hint='图片或 PDF，妈妈查码时可以查看' error={errors.qualityReportFileID}>
            <UploadBox
              kind='document'
              size='thumb'
              folder='trace/quality'
              prompt='上传质检报告'
              fileID={batch.qualityReportFileID}
              fileName={batch.qualityReportName}
              onChange={(fileID, name) => setBatch((b) => ({ ...b, qualityReportFileID: fileID, qualityReportName: name }))}
              testId='trace-quality'
            />
          </Field>
        </View>
      </Card>

      <Card title='罐底溯源码'>
        <View className='stack'>
          <View className='row wrap'>
            <Chip label='粘贴' selected={source === 'paste'} onToggle={() => setSource('paste')} />
            <Chip label='CSV 文件' selected={source === 'csv'} onToggle={() => setSource('csv')} />
          </View>
          {source === 'paste' ? (
            <Field label='粘贴溯源码' hint='每行一个，或用逗号隔开；不区分大小写' error={errors.codes}>
              <Textarea className='m-input m-input--multi l-codes' value={pasted} maxlength={-1} placeholder={'NZ2026A000001\nNZ2026A000002\n…'} onInput={(e) => setPasted(e.detail.value)} />
            </Field>
          ) : (
            <Field label='CSV 文件' hint='第一列是溯源码，第一行可以是表头；10 万个码也可以一次导入' error={errors.codes}>
              {csv ? (
                <View className='l-file row-between'>
                  <Text className='l-file-name'>{`📄 ${csv.name}`}</Text>
                  <TextButton onClick={() => void chooseCsv()}>换一个</TextButton>
                </View>
              ) : (
                <View className='l-upload l-upload--cover' role='button' data-testid='trace-csv' onClick={() => void chooseCsv()}>
                  <Text>＋ 选择 CSV 文件</Text>
                </View>
              )}
            </Field>
          )}
          <ReadSummary read={read} source={source} />
        </View>
      </Card>

      {errorCount > 0 ? <Banner tone='error'>{`还有 ${errorCount} 处需要完善，请看标红的提示`}</Banner> : null}
      {serverError ? <Banner tone='error'>{serverError}</Banner> : null}
      {progress ? (
        <View className='l-progress' data-testid='trace-progress'>
          <View className='l-progress__track'>
            <View className='l-progress__fill' style={{ width: `${progress.total ? Math.round((progress.done / progress.total) * 100) : 0}%` }} />
          </View>
          <Text className='caption'>{`正在导入 ${thousands(progress.done)} / ${thousands(progress.total)}，请不要离开本页`}</Text>
        </View>
      ) : null}
      <Button block loading={submit.submitting} onClick={() => void submit.run()} testId='trace-submit'>
        {read.codes.length ? `导入 ${thousands(read.codes.length)} 个溯源码` : '导入溯源码'}
      </Button>
    </View>
  )
}
