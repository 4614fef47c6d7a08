import Taro, { useRouter } from '@tarojs/taro'
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { normalizeCode, type TraceLookupView } from '../../../../../domain/trace'
import { codeFromScan, codeInputProblem } from '../../../../../domain/trace-display'
import { PageShell } from '../../../../components/PageShell'
import { messageOf } from '../../../../components/content/errors'
import { Banner } from '../../../../components/member/Banner'
import { Field } from '../../../../components/member/Field'
import { Button, Card } from '../../../../components/ui'
import { useShare } from '../../../../hooks/useShare'
import { useSubmit } from '../../../../hooks/useSubmit'
import { lookupCode } from '../../../../services/trace'
import { TraceResult } from '../../components/TraceResult'
import { traceShare } from '../../services/share'
import '../../components/styles'

const CODE_MAX = 40

function decoded(s?: string): string {
  if (!s) return ''
  try {
    return normalizeCode(decodeURIComponent(s))
  } catch {
    return normalizeCode(s)
  }
}

/**
 * Anyone, a visitor too, types or scans the code on the bottom of a can and sees its batch, dates
 * and papers, or a counterfeit warning with 假一赔十 and the way to customer service.
 */
export default function TracePage() {
  // a shared result opens with its code filled in; she looks it up herself (see services/share.ts)
  const sharedCode = decoded(useRouter().params.code)
  const [code, setCode] = useState(sharedCode)
  const [problem, setProblem] = useState<string>()
  const [failure, setFailure] = useState<string>()
  const [result, setResult] = useState<TraceLookupView>()
  const weapp = process.env.TARO_ENV === 'weapp'
  useShare(() => traceShare(result))

  const lookup = useSubmit(async (raw: string) => {
    const wrong = codeInputProblem(raw)
    setProblem(wrong)
    setFailure(undefined)
    if (wrong) return
    try {
      setResult(await lookupCode(normalizeCode(raw)))
    } catch (e) {
      setResult(undefined)
      setFailure(messageOf(e))
    }
  })

  async function scan() {
    try {
      const res = await Taro.scanCode({ onlyFromCamera: false, scanType: ['barCode', 'qrCode'] })
      const scanned = codeFromScan(res.result)
      setCode(scanned)
      await lookup.run(scanned)
    } catch {
      // she closed the scanner: nothing to do
    }
  }

  return (
    <PageShell>
      <Card title='查验溯源码' className='t-form'>
        <Text className='caption'>{`每一罐的罐底都印有溯源码，${weapp ? '输入或扫码' : '输入'}即可查看批次、报关单和质检报告。`}</Text>
        {sharedCode && !result ? <Banner tone='info'>{`好友分享了溯源码 ${sharedCode}，点「查验」看它的批次和证据`}</Banner> : null}
        <Field label='溯源码' error={problem} testId='trace-code'>
          <View className='m-search'>
            <Input
              className='m-input t-input'
              value={code}
              maxlength={CODE_MAX}
              placeholder='例如：QQ-2611-0001'
              confirmType='search'
              data-testid='trace-input'
              onInput={(e) => setCode(e.detail.value)}
              onConfirm={() => void lookup.run(code)}
            />
            <Button loading={lookup.submitting} testId='trace-lookup' onClick={() => void lookup.run(code)}>
              查验
            </Button>
          </View>
        </Field>
        {/* the camera scanner is the mini-program's; a browser page has none */}
        {weapp ? (
          <Button block variant='secondary' onClick={() => void scan()}>
            📷 扫一扫罐底的码
          </Button>
        ) : null}
      </Card>
      {failure ? <Banner tone='error'>{failure}</Banner> : null}
      {result ? <TraceResult view={result} /> : null}
      <View className='m-footer'>
        <Text>亲亲宝贝承诺：每罐可溯源，假一赔十</Text>
      </View>
    </PageShell>
  )
}
