import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { ApplyForm } from '../../src/packages/forms/components/ApplyForm'
import { resetBackend } from '../../src/services/backend'
import { setPhoneNumberDetail } from '../support/taro-components'
import { answerSubscribe, calls, callsTo, resetTaro, respondByAction, subscribeRequests } from '../support/taro'

beforeEach(() => {
  resetTaro()
  resetBackend()
  setPhoneNumberDetail({ code: 'phone-code-1', errMsg: 'getPhoneNumber:ok' })
  respondByAction({ 'member.apply': { status: 'pending' } })
})

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } })
const pickDate = (value: string) => fireEvent.blur(screen.getByTestId('apply-date-value'), { target: { value } })
const tick = (name: string) => fireEvent.click(screen.getByRole('checkbox', { name }))
const submit = () => fireEvent.click(screen.getByText('提交申请'))
const errorOf = (field: string) => screen.queryByTestId(`field-${field}-error`)?.textContent

function fillGoodForm() {
  type('apply-nickname', '小雨妈妈')
  pickDate('2026-03-15')
  tick('过敏体质')
  tick('其它')
  type('apply-other-need', '夜醒频繁')
  type('apply-city', '杭州')
  tick('同意个人信息收集说明')
}

test('an empty form sends nothing and says what is missing, field by field', async () => {
  const submitted = jest.fn()
  render(<ApplyForm platform='h5' onSubmitted={submitted} />)
  submit()
  expect(await screen.findByTestId('field-nickname-error')).toBeTruthy()
  expect(errorOf('nickname')).toBe('昵称：请填写昵称')
  expect(errorOf('date')).toContain('请选择宝宝的生日或预产期')
  expect(errorOf('consent')).toContain('请先阅读并勾选同意')
  expect(calls).toEqual([])
  expect(subscribeRequests).toEqual([])
  expect(submitted).not.toHaveBeenCalled()
})

test('an impossible date is refused with the schema message', async () => {
  render(<ApplyForm platform='h5' onSubmitted={jest.fn()} />)
  fillGoodForm()
  pickDate('2025-02-30')
  submit()
  await waitFor(() => expect(errorOf('date')).toBe('宝宝生日/预产期：不是有效的日期'))
  expect(errorOf('nickname')).toBeUndefined()
  expect(calls).toEqual([])
})

test('on H5 a mistyped phone number is refused before anything is sent', async () => {
  render(<ApplyForm platform='h5' onSubmitted={jest.fn()} />)
  fillGoodForm()
  type('apply-phone', '1381234')
  submit()
  await waitFor(() => expect(errorOf('phone')).toBe('手机号：请填写 11 位手机号'))
  expect(calls).toEqual([])
})

test('without the privacy consent ticked nothing is sent', async () => {
  render(<ApplyForm platform='h5' onSubmitted={jest.fn()} />)
  fillGoodForm()
  tick('同意个人信息收集说明') // untick
  expect(screen.getByRole('checkbox', { name: '同意个人信息收集说明' }).getAttribute('aria-checked')).toBe('false')
  submit()
  await waitFor(() => expect(errorOf('consent')).toBe('请先阅读并勾选同意《个人信息收集说明》'))
  expect(screen.getByTestId('privacy-notice').textContent).toContain('昵称、宝宝生日/预产期、需求、城市、手机号')
  expect(screen.getByTestId('privacy-notice').textContent).toContain('审核入群、按宝宝阶段推荐内容、售后回访')
  expect(calls).toEqual([])
})

test('a good H5 form sends exactly one application with the typed phone, even on a double tap', async () => {
  const submitted = jest.fn()
  render(<ApplyForm platform='h5' onSubmitted={submitted} />)
  fillGoodForm()
  type('apply-phone', '13812341234')
  const button = screen.getByText('提交申请')
  fireEvent.click(button)
  fireEvent.click(button)
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1))
  expect(callsTo('member', 'apply')).toEqual([
    {
      nickname: '小雨妈妈',
      babyBirthDate: '2026-03-15',
      needs: ['过敏体质', '其它：夜醒频繁'],
      city: '杭州',
      phone: '13812341234',
      privacyConsent: 'v1',
    },
  ])
})

test('on weapp the phone button code is sent and the review-result notice is asked for inside the tap', async () => {
  const submitted = jest.fn()
  render(<ApplyForm platform='weapp' onSubmitted={submitted} />)
  fillGoodForm()
  expect(screen.queryByTestId('apply-phone')).toBeNull()
  fireEvent.click(screen.getByTestId('apply-phone-button'))
  expect(screen.getByText('已授权手机号 ✓')).toBeTruthy()
  submit()
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1))
  expect(subscribeRequests).toEqual([['TPL_REVIEW_RESULT']])
  const [input] = callsTo('member', 'apply')
  expect(input.phoneCode).toBe('phone-code-1')
  expect(input).not.toHaveProperty('phone')
})

test('refusing the notice, or the phone number, never blocks the application', async () => {
  answerSubscribe(async () => {
    throw new Error('requestSubscribeMessage:fail cancel')
  })
  setPhoneNumberDetail({ errMsg: 'getPhoneNumber:fail user deny' })
  const submitted = jest.fn()
  render(<ApplyForm platform='weapp' onSubmitted={submitted} />)
  fillGoodForm()
  fireEvent.click(screen.getByTestId('apply-phone-button'))
  submit()
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1))
  const [input] = callsTo('member', 'apply')
  expect(input).not.toHaveProperty('phoneCode')
  expect(input).not.toHaveProperty('phone')
})

test.each([
  ['BAD_INPUT', '手机号授权已失效，请重新点击获取手机号'],
  ['CONTENT_REJECTED', '内容未通过安全检查，请修改后再发'],
])('a %s answer shows its message and keeps her answers for the retry', async (code, message) => {
  let attempt = 0
  respondByAction({
    'member.apply': () => {
      attempt += 1
      if (attempt === 1) throw { code, message }
      return { status: 'pending' }
    },
  })
  const submitted = jest.fn()
  render(<ApplyForm platform='h5' onSubmitted={submitted} />)
  fillGoodForm()
  submit()
  expect((await screen.findByRole('alert')).textContent).toBe(message)
  expect(submitted).not.toHaveBeenCalled()
  expect((screen.getByTestId('apply-nickname') as HTMLInputElement).value).toBe('小雨妈妈')
  expect((screen.getByTestId('apply-other-need') as HTMLInputElement).value).toBe('夜醒频繁')
  // the button is free again once the answer came back: the retry goes through
  submit()
  await waitFor(() => expect(submitted).toHaveBeenCalledTimes(1))
  expect(callsTo('member', 'apply')).toHaveLength(2)
  expect(screen.queryByRole('alert')).toBeNull()
})

test('the submit button stays blocked while the application is in flight', async () => {
  let release: (v: unknown) => void = () => undefined
  respondByAction({ 'member.apply': () => new Promise((r) => (release = r)) })
  render(<ApplyForm platform='h5' onSubmitted={jest.fn()} />)
  fillGoodForm()
  submit()
  const button = await screen.findByText('提交中…')
  expect((button as HTMLButtonElement).disabled).toBe(true)
  fireEvent.click(button)
  await act(async () => release({ status: 'pending' }))
  expect(callsTo('member', 'apply')).toHaveLength(1)
})
