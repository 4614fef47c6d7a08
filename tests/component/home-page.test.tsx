import Taro from '@tarojs/taro'
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { PROMISES } from '../../domain/labels'
import HomePage from '../../src/pages/index/index'
import { ApplicationStatus } from '../../src/components/member/ApplicationStatus'
import { resetBackend } from '../../src/services/backend'
import { applyForMembership } from '../../src/services/member'
import { callsTo, navigations, openedDocuments, downloads, resetTaro, respondByAction, showPage, tempUrlRequests, toasts } from '../support/taro'

beforeEach(() => {
  resetTaro()
  resetBackend()
})

const visitor = { openid: 'v1', status: 'visitor', roles: [], tags: [] }
const GUIDE_FILE_ID = 'cloud://local-env.qinqin/guides/feeding-guide-0-3.pdf'
const landing = { guide: { title: '0–3 岁科学喂养指南', fileID: GUIDE_FILE_ID } }

test('a visitor sees what the community is, its promises, the free guide, then the way to apply', async () => {
  respondByAction({ 'member.me': visitor, 'member.landing': landing })
  render(<HomePage />)
  fireEvent.click(await screen.findByText('申请加入妈妈圈'))
  expect(navigations).toEqual(['/packages/forms/pages/apply/index'])
  const promises = screen.getByTestId('promises').textContent ?? ''
  for (const p of PROMISES) expect(promises).toContain(p.title)
  expect(await screen.findByText('《0–3 岁科学喂养指南》')).toBeTruthy()
  expect(screen.queryByText('审核中')).toBeNull()
})

test('on weapp the configured guide is fetched by its fileID and opened in the document preview', async () => {
  respondByAction({ 'member.me': visitor, 'member.landing': landing })
  render(<HomePage />)
  fireEvent.click(await screen.findByText('免费查看指南'))
  await waitFor(() => expect(openedDocuments).toHaveLength(1))
  expect(tempUrlRequests).toEqual([[GUIDE_FILE_ID]])
  expect(downloads).toEqual(['https://tmp.example/feeding-guide-0-3.pdf'])
  expect(openedDocuments[0]).toEqual({ filePath: 'wxfile://tmp/feeding-guide-0-3.pdf', fileType: 'pdf' })
})

test('on H5 the guide opens its temporary URL in a new tab', async () => {
  const env = process.env.TARO_ENV
  process.env.TARO_ENV = 'h5'
  ;(globalThis as { wx?: unknown }).wx = { cloud: Taro.cloud }
  const open = jest.spyOn(window, 'open').mockImplementation(() => null)
  try {
    respondByAction({ 'member.me': visitor, 'member.landing': landing })
    render(<HomePage />)
    fireEvent.click(await screen.findByText('免费查看指南'))
    await waitFor(() => expect(open).toHaveBeenCalledWith('https://tmp.example/feeding-guide-0-3.pdf', '_blank'))
    expect(openedDocuments).toEqual([])
  } finally {
    open.mockRestore()
    process.env.TARO_ENV = env
    delete (globalThis as { wx?: unknown }).wx
  }
})

test('a guide that cannot be fetched says so kindly', async () => {
  respondByAction({ 'member.me': visitor, 'member.landing': landing })
  const getTempFileURL = jest.spyOn(Taro.cloud, 'getTempFileURL').mockRejectedValue(new Error('STORAGE_FILE_NONEXIST'))
  render(<HomePage />)
  fireEvent.click(await screen.findByText('免费查看指南'))
  await waitFor(() => expect(toasts).toEqual(['指南暂时打不开，请稍后再试']))
  getTempFileURL.mockRestore()
})

test('no configured guide: the card stays hidden rather than offering a broken link', async () => {
  respondByAction({ 'member.me': visitor, 'member.landing': { guide: null } })
  render(<HomePage />)
  expect(await screen.findByText('申请加入妈妈圈')).toBeTruthy()
  await waitFor(() => expect(callsTo('member', 'landing')).toHaveLength(1))
  expect(screen.queryByText('免费查看指南')).toBeNull()
})

test('a pending mother sees that her application is being reviewed', async () => {
  respondByAction({ 'member.me': { openid: 'p1', status: 'pending', roles: [], tags: [] }, 'member.landing': landing })
  render(<HomePage />)
  expect(await screen.findByText('审核中')).toBeTruthy()
  expect(screen.getByTestId('pending-note').textContent).toContain('团长会尽快审核')
  expect(screen.queryByText('申请加入妈妈圈')).toBeNull()
})

test('a rejected mother sees the reason and the day she may apply again', () => {
  render(
    <ApplicationStatus me={{ openid: 'r1', status: 'rejected', roles: [], tags: [], reviewNote: '暂时只接收杭州本地妈妈', reapplyFrom: '2026-12-05' }} today='2026-12-01' />,
  )
  expect(screen.getByTestId('review-note').textContent).toBe('暂时只接收杭州本地妈妈')
  expect(screen.getByText('2026 年 12 月 5 日起可以重新申请，期待你再来')).toBeTruthy()
  expect(screen.queryByText('重新申请')).toBeNull()
})

test('once the cooling period is over she may apply again', () => {
  render(<ApplicationStatus me={{ openid: 'r1', status: 'rejected', roles: [], tags: [], reviewNote: '资料不完整', reapplyFrom: '2026-12-05' }} today='2026-12-05' />)
  fireEvent.click(screen.getByText('重新申请'))
  expect(navigations).toEqual(['/packages/forms/pages/apply/index'])
})

test('a member is welcomed with her baby stage and her feed instead of the landing', async () => {
  respondByAction({
    'member.me': { openid: 'm1', status: 'member', roles: [], tags: [], nickname: '小雨妈妈', babyMonthAge: 7, age: '7 个月', stage: '6–12 月 辅食添加期' },
    'content.feed': { items: [], total: 0, page: 1, pageSize: 10 },
  })
  render(<HomePage />)
  expect(await screen.findByText('欢迎回来，小雨妈妈')).toBeTruthy()
  expect(screen.getByText('6–12 月 辅食添加期')).toBeTruthy()
  expect(screen.getByText('宝宝 7 个月')).toBeTruthy()
  expect(screen.queryByText('免费查看指南')).toBeNull()
  expect(screen.queryByTestId('promises')).toBeNull()
  // her feed is embedded and loaded for her
  expect(await screen.findByText('今日干货正在准备中')).toBeTruthy()
  expect(callsTo('content', 'feed')).toEqual([{ page: 1, pageSize: 10 }])
})

test('when the status cannot load, the landing still shows with a retry', async () => {
  let attempt = 0
  respondByAction({
    'member.me': () => {
      attempt += 1
      if (attempt === 1) throw { code: 'INTERNAL', message: '系统开小差了，请稍后再试' }
      return visitor
    },
    'member.landing': landing,
  })
  render(<HomePage />)
  expect((await screen.findByRole('alert')).textContent).toContain('系统开小差了')
  expect(await screen.findByText('免费查看指南')).toBeTruthy()
  fireEvent.click(screen.getByText('重试'))
  expect(await screen.findByText('申请加入妈妈圈')).toBeTruthy()
})

test('coming back from the form shows her new status', async () => {
  let status = 'visitor'
  respondByAction({ 'member.me': () => ({ openid: 'v1', status, roles: [], tags: [] }), 'member.landing': landing })
  render(<HomePage />)
  expect(await screen.findByText('申请加入妈妈圈')).toBeTruthy()
  status = 'pending'
  act(() => showPage())
  expect(await screen.findByText('审核中')).toBeTruthy()
  expect(callsTo('member', 'me')).toHaveLength(2)
})

/** A `member.me` answer the test releases when it wants: the first screen before the round trip. */
function heldMe() {
  const pending: Array<(v: unknown) => void> = []
  return { answer: () => new Promise((resolve) => pending.push(resolve)), release: (v: unknown) => pending.splice(0).forEach((r) => r(v)) }
}

test('a newcomer gets the apply button on the first screen, before her status answers', async () => {
  const me = heldMe()
  respondByAction({ 'member.me': me.answer, 'member.landing': landing })
  render(<HomePage />)
  // drawn by the first render, no round trip
  fireEvent.click(screen.getByText('申请加入妈妈圈'))
  expect(navigations).toEqual(['/packages/forms/pages/apply/index'])
  expect(screen.queryByText('加载中…')).toBeNull()
  await act(async () => me.release(visitor))
  expect(screen.getAllByText('申请加入妈妈圈')).toHaveLength(1)
})

test('a device that last saw her pending or a member waits for her answer: no apply button meanwhile', async () => {
  for (const status of ['pending', 'member'] as const) {
    resetTaro()
    respondByAction({ 'member.me': { openid: 'p1', status, roles: [], tags: [] }, 'member.landing': landing, 'content.feed': { items: [], total: 0, page: 1, pageSize: 10 } })
    const first = render(<HomePage />)
    await waitFor(() => expect(callsTo('member', 'me')).toHaveLength(1))
    await waitFor(() => expect(screen.queryByText('申请加入妈妈圈')).toBeNull())
    first.unmount()

    const me = heldMe()
    respondByAction({ 'member.me': me.answer, 'member.landing': landing, 'content.feed': { items: [], total: 0, page: 1, pageSize: 10 } })
    render(<HomePage />)
    expect(screen.queryByText('申请加入妈妈圈')).toBeNull()
    expect(screen.queryByTestId('promises')).toBeNull()
    await act(async () => me.release({ openid: 'p1', status, roles: [], tags: [], nickname: '小雨妈妈' }))
    expect(await screen.findByText(status === 'pending' ? '审核中' : '欢迎回来，小雨妈妈')).toBeTruthy()
    expect(screen.queryByText('申请加入妈妈圈')).toBeNull()
    cleanup()
  }
})

test('once she has applied, the landing no longer offers the apply button while it asks again', async () => {
  respondByAction({ 'member.apply': { status: 'pending' } })
  await applyForMembership({ nickname: '小雨妈妈', babyBirthDate: '2026-01-01', needs: ['辅食'], privacyConsent: 'v1' })
  const me = heldMe()
  respondByAction({ 'member.me': me.answer, 'member.landing': landing })
  render(<HomePage />)
  expect(screen.queryByText('申请加入妈妈圈')).toBeNull()
  await act(async () => me.release({ openid: 'v1', status: 'pending', roles: [], tags: [] }))
  expect(await screen.findByText('审核中')).toBeTruthy()
})
