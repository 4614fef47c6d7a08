import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import MePage from '../../src/pages/me/index'
import { resetBackend } from '../../src/services/backend'
import { calls, navigations, resetTaro, respondWith } from '../support/taro'

beforeEach(() => {
  resetTaro()
  resetBackend()
})

test('shows a loading state, then the member, her baby stage and tags', async () => {
  respondWith(async () => ({
    result: {
      ok: true,
      data: { openid: 'o1', status: 'member', roles: [], tags: ['敏感肌宝宝妈妈'], nickname: '小雨妈妈', babyMonthAge: 7, stage: '6–12 月 辅食添加期' },
    },
  }))
  render(<MePage />)
  expect(screen.getByRole('status').textContent).toContain('加载中')
  expect(await screen.findByText('小雨妈妈')).toBeTruthy()
  expect(screen.getByTestId('member-status').textContent).toBe('正式会员')
  expect(screen.getByText('6–12 月 辅食添加期')).toBeTruthy()
  expect(screen.getByText('敏感肌宝宝妈妈')).toBeTruthy()
  expect(screen.queryByText('进入团长工作台')).toBeNull()
  expect(calls).toEqual([{ name: 'member', data: { action: 'me' } }])
})

test('a leader gets the way into the leader console', async () => {
  respondWith(async () => ({ result: { ok: true, data: { openid: 'l1', status: 'member', roles: ['leader'], tags: [] } } }))
  render(<MePage />)
  fireEvent.click(await screen.findByText('进入团长工作台'))
  expect(navigations).toEqual(['/packages/leader/pages/review/index'])
  expect(screen.getByText('团长')).toBeTruthy()
})

test('an error envelope shows its Chinese message and retry loads again', async () => {
  let attempt = 0
  respondWith(async () => {
    attempt += 1
    if (attempt === 1) return { result: { ok: false, error: { code: 'INTERNAL', message: '系统开小差了，请稍后再试' } } }
    return { result: { ok: true, data: { openid: 'o1', status: 'pending', roles: [], tags: [] } } }
  })
  render(<MePage />)
  expect((await screen.findByRole('alert')).textContent).toContain('系统开小差了')
  fireEvent.click(screen.getByText('重试'))
  await waitFor(() => expect(screen.getByTestId('member-status').textContent).toBe('审核中'))
})

test('a transport failure reads as a network problem, not a crash', async () => {
  respondWith(async () => {
    throw new Error('request:fail')
  })
  render(<MePage />)
  expect((await screen.findByRole('alert')).textContent).toContain('网络不太好')
})
