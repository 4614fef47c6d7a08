import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MePage from '../../src/pages/me/index'
import { resetBackend } from '../../src/services/backend'
import { answerModals, calls, callsTo, clipboard, modals, navigations, resetTaro, respondByAction, respondWith, routes, showPage, toasts } from '../support/taro'

beforeEach(() => {
  resetTaro()
  resetBackend()
})

test('shows a loading state, then the member, her baby stage and tags', async () => {
  respondWith(async () => ({
    result: {
      ok: true,
      data: { openid: 'o1', status: 'member', roles: [], tags: ['敏感肌宝宝妈妈'], nickname: '小雨妈妈', babyMonthAge: 7, age: '7 个月', stage: '6–12 月 辅食添加期' },
    },
  }))
  render(<MePage />)
  expect(screen.getByRole('status').textContent).toContain('加载中')
  expect(await screen.findByText('小雨妈妈')).toBeTruthy()
  expect(screen.getByTestId('member-status').textContent).toBe('正式会员')
  expect(screen.getByText('6–12 月 辅食添加期')).toBeTruthy()
  expect(screen.getByText('敏感肌宝宝妈妈')).toBeTruthy()
  expect(screen.queryByText('团长工作台')).toBeNull()
  expect(calls).toEqual([{ name: 'member', data: { action: 'me' } }])
})

test('a leader gets one way into the leader console, and no customer-service console', async () => {
  respondWith(async () => ({ result: { ok: true, data: { openid: 'l1', status: 'member', roles: ['leader'], tags: [] } } }))
  render(<MePage />)
  fireEvent.click(await screen.findByText('团长工作台'))
  expect(navigations).toEqual(['/packages/leader/pages/home/index'])
  expect(screen.queryByText('客服工作台')).toBeNull()
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

describe('her data', () => {
  const member = { openid: 'o1', status: 'member', roles: [], tags: ['0-6月', '过敏体质宝宝'], nickname: '小雨妈妈', babyMonthAge: 14, age: '1 岁 2 个月', stage: '1–3 岁' }
  const originalEnv = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = originalEnv
    delete (globalThis as { wx?: unknown }).wx
  })

  test('shows the baby month age the function computed and tags in plain words', async () => {
    respondByAction({ 'member.me': member })
    render(<MePage />)
    expect((await screen.findByTestId('baby-age')).textContent).toBe('1 岁 2 个月')
    expect(screen.getByTestId('my-tags').textContent).toContain('0–6 月')
    expect(screen.getByTestId('my-tags').textContent).toContain('过敏体质宝宝')
    fireEvent.click(screen.getByText('我的提问'))
    fireEvent.click(screen.getByText('成长日记'))
    expect(routes).toEqual([
      { kind: 'navigateTo', url: '/packages/forms/pages/qa/index' },
      { kind: 'switchTab', url: '/pages/diary/index' },
    ])
  })

  const files = {
    exportedAt: '2026-11-28T02:00:00.000Z',
    linksValidUntil: '2026-11-29T02:00:00.000Z',
    summary: { fileID: 'cloud://env.b/exports/o1/t/summary.html', url: 'https://files.example/summary.html?sign=1' },
    data: { fileID: 'cloud://env.b/exports/o1/t/data.json', url: 'https://files.example/data.json?sign=1' },
  }

  test('the export offers the readable page and the data file, and says until when the links work', async () => {
    respondByAction({ 'member.me': member, 'member.exportFiles': files })
    render(<MePage />)
    fireEvent.click(await screen.findByText('导出我的数据'))
    const result = await screen.findByTestId('export-result')
    expect(result.textContent).toContain('有效至 2026年11月29日 10:00')
    expect(callsTo('member', 'exportFiles')).toEqual([{}])
    expect(screen.getByText('重新导出')).toBeTruthy()
  })

  test('on weapp each link goes to the clipboard and she is told to open it in a browser', async () => {
    respondByAction({ 'member.me': member, 'member.exportFiles': files })
    render(<MePage />)
    fireEvent.click(await screen.findByText('导出我的数据'))
    fireEvent.click(await screen.findByText('打开可读版'))
    await waitFor(() => expect(modals).toHaveLength(1))
    fireEvent.click(screen.getByText('下载数据文件'))
    await waitFor(() => expect(modals).toHaveLength(2))
    expect(clipboard).toEqual([files.summary.url, files.data.url])
    expect(modals[0].content).toContain('浏览器')
    expect(modals[0].content).toContain('2026年11月29日 10:00')
  })

  test('on H5 each file opens in a new tab', async () => {
    process.env.TARO_ENV = 'h5'
    ;(globalThis as { wx?: unknown }).wx = { cloud: Taro.cloud }
    const opened: unknown[] = []
    const open = jest.spyOn(globalThis, 'open').mockImplementation((url) => {
      opened.push(url)
      return null
    })
    respondByAction({ 'member.me': member, 'member.exportFiles': files })
    render(<MePage />)
    fireEvent.click(await screen.findByText('导出我的数据'))
    fireEvent.click(await screen.findByText('打开可读版'))
    fireEvent.click(screen.getByText('下载数据文件'))
    await waitFor(() => expect(opened).toEqual([files.summary.url, files.data.url]))
    expect(clipboard).toEqual([])
    expect(modals).toEqual([])
    open.mockRestore()
  })

  test('a failed export says why', async () => {
    respondByAction({
      'member.me': member,
      'member.exportFiles': () => {
        throw { code: 'INTERNAL', message: '系统开小差了，请稍后再试' }
      },
    })
    render(<MePage />)
    fireEvent.click(await screen.findByText('导出我的数据'))
    await waitFor(() => expect(toasts).toEqual(['系统开小差了，请稍后再试']))
    expect(screen.queryByTestId('export-result')).toBeNull()
  })

  test('deleting asks first with the full consequences, then erases and goes home as a visitor', async () => {
    respondByAction({ 'member.me': member, 'member.deleteAccount': { deleted: true } })
    render(<MePage />)
    fireEvent.click(await screen.findByText('注销账号'))
    await waitFor(() => expect(routes).toEqual([{ kind: 'reLaunch', url: '/pages/index/index' }]))
    expect(modals[0].title).toBe('注销账号')
    expect(modals[0].content).toContain('永久删除')
    expect(modals[0].content).toContain('匿名保留，仅用于财务对账')
    expect(callsTo('member', 'deleteAccount')).toEqual([{ confirm: '注销' }])
  })

  test('cancelling the delete question erases nothing', async () => {
    answerModals(false)
    respondByAction({ 'member.me': member })
    render(<MePage />)
    fireEvent.click(await screen.findByText('注销账号'))
    await waitFor(() => expect(modals).toHaveLength(1))
    expect(callsTo('member', 'deleteAccount')).toEqual([])
    expect(routes).toEqual([])
  })

  test('a refused delete says why and stays on the page', async () => {
    respondByAction({
      'member.me': { ...member, roles: ['admin'] },
      'member.deleteAccount': () => {
        throw { code: 'CONFLICT', message: '管理员请先移交管理员权限再注销' }
      },
    })
    render(<MePage />)
    expect(await screen.findByText('团长工作台')).toBeTruthy()
    fireEvent.click(screen.getByText('注销账号'))
    await waitFor(() => expect(toasts).toEqual(['管理员请先移交管理员权限再注销']))
    expect(routes).toEqual([])
  })

  test('a visitor is invited to apply and has no data to export', async () => {
    respondByAction({ 'member.me': { openid: 'v1', status: 'visitor', roles: [], tags: [] } })
    render(<MePage />)
    fireEvent.click(await screen.findByText('申请加入妈妈圈'))
    expect(navigations).toEqual(['/packages/forms/pages/apply/index'])
    expect(screen.queryByText('导出我的数据')).toBeNull()
  })

  test('coming back to the page loads her status again', async () => {
    let status = 'pending'
    respondByAction({ 'member.me': () => ({ openid: 'o1', status, roles: [], tags: [] }) })
    render(<MePage />)
    await waitFor(() => expect(screen.getByTestId('member-status').textContent).toBe('审核中'))
    status = 'member'
    act(() => showPage())
    await waitFor(() => expect(screen.getByTestId('member-status').textContent).toBe('正式会员'))
    expect(callsTo('member', 'me')).toHaveLength(2)
  })
})
