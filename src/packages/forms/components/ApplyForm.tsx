import { Input, Picker, Text, View } from '@tarojs/components'
import { useState } from 'react'
import { TEXT_MAX } from '../../../../domain/form-rules'
import { useDraft } from '../../../hooks/useDraft'
import { TEMPLATE_IDS } from '../../../config'
import { useSubmit } from '../../../hooks/useSubmit'
import { CloudError } from '../../../services/cloud'
import { applyForMembership } from '../../../services/member'
import { askForNotices } from '../../../services/platform'
import { Button } from '../../../components/ui'
import { Banner } from '../../../components/member/Banner'
import { Field } from '../../../components/member/Field'
import { NeedsPicker } from './NeedsPicker'
import { PhoneField, type Platform } from './PhoneField'
import { PrivacyConsent } from './PrivacyConsent'
import { checkApplication, EMPTY_DRAFT, type ApplicationDraft, type FieldErrors } from './application'
import '../../../components/member/styles'

const NICKNAME_MAX = TEXT_MAX.nickname
const CITY_MAX = TEXT_MAX.city

const currentPlatform = (): Platform => (process.env.TARO_ENV === 'h5' ? 'h5' : 'weapp')

/**
 * The application: checked with the function's own schema before anything is sent, one request
 * per tap however fast she taps, and her answers kept on screen if the network or a check fails.
 */
export function ApplyForm(props: { onSubmitted: () => Promise<void> | void; platform?: Platform; initial?: Partial<ApplicationDraft> }) {
  const platform = props.platform ?? currentPlatform()
  // kept as she types: a reload or a closed app never costs her the answers
  const [draft, setDraft, forgetDraft] = useDraft<ApplicationDraft>('apply', { ...EMPTY_DRAFT, ...props.initial })
  const [errors, setErrors] = useState<FieldErrors>({})
  const [serverError, setServerError] = useState<string>()
  const set = <K extends keyof ApplicationDraft>(key: K, value: ApplicationDraft[K]) => setDraft((d) => ({ ...d, [key]: value }))

  const submit = useSubmit(async () => {
    setServerError(undefined)
    const checked = checkApplication(draft)
    if (checked.errors) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    // called before any other await: WeChat only shows the prompt inside the tap itself
    await askForNotices([TEMPLATE_IDS.reviewResult])
    try {
      await applyForMembership(checked.input)
      forgetDraft()
    } catch (e) {
      setServerError(e instanceof CloudError ? e.message : '提交没有成功，请稍后再试')
      return
    }
    await props.onSubmitted()
  })

  const errorCount = Object.keys(errors).length
  return (
    <View className='stack' data-testid='apply-form'>
      <Field label='你的昵称' error={errors.nickname} testId='field-nickname' count={{ value: draft.nickname, max: NICKNAME_MAX }}>
        <Input
          className={`m-input${errors.nickname ? ' m-input--error' : ''}`}
          value={draft.nickname}
          maxlength={NICKNAME_MAX}
          placeholder='例如：小雨妈妈'
          data-testid='apply-nickname'
          onInput={(e) => set('nickname', e.detail.value)}
        />
      </Field>

      <Field label='宝宝生日 / 预产期' hint='还在孕期就选预产期，我们按宝宝阶段为你推荐内容' error={errors.babyBirthDate} testId='field-date'>
        <Picker mode='date' value={draft.babyBirthDate} data-testid='apply-date' onChange={(e) => set('babyBirthDate', String(e.detail.value))}>
          <View className={`m-picker${draft.babyBirthDate ? '' : ' m-picker--empty'}`}>
            <Text>{draft.babyBirthDate || '点击选择日期'}</Text>
          </View>
        </Picker>
      </Field>

      <Field label='你最关心的（可多选）' error={errors.needs} testId='field-needs'>
        <NeedsPicker value={draft.needs} other={draft.otherNeed} onChange={(v) => set('needs', v)} onOther={(v) => set('otherNeed', v)} />
      </Field>

      <Field label='所在城市（选填）' error={errors.city} testId='field-city' count={{ value: draft.city, max: CITY_MAX }}>
        <Input className='m-input' value={draft.city} maxlength={CITY_MAX} placeholder='例如：杭州' data-testid='apply-city' onInput={(e) => set('city', e.detail.value)} />
      </Field>

      <Field label='手机号（选填）' hint='仅用于收货后的售后回访，团长看到的是打码号码' error={errors.phone} testId='field-phone'>
        <PhoneField
          platform={platform}
          phone={draft.phone}
          phoneCode={draft.phoneCode}
          invalid={Boolean(errors.phone)}
          onPhone={(v) => set('phone', v)}
          onCode={(v) => set('phoneCode', v)}
        />
      </Field>

      <Field label='隐私说明' error={errors.consent} testId='field-consent'>
        <PrivacyConsent checked={draft.consent} onToggle={() => set('consent', !draft.consent)} />
      </Field>

      {errors.form ? <Banner tone='error'>{errors.form}</Banner> : null}
      {errorCount > 0 && !errors.form ? <Banner tone='error'>{`还有 ${errorCount} 处需要完善，请看标红的提示`}</Banner> : null}
      {serverError ? <Banner tone='error'>{serverError}</Banner> : null}

      <Button block loading={submit.submitting} onClick={() => void submit.run()}>
        {submit.submitting ? '提交中…' : '提交申请'}
      </Button>
    </View>
  )
}
