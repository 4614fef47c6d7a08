import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react'
import type { LiveDetailView } from '../../domain/live'
import { TEMPLATE_IDS } from '../../domain/notifications'
import { NextLiveCard } from '../../src/components/live/NextLiveCard'
import { CUSTOMER_SERVICE } from '../../src/config'
import LiveDetailPage from '../../src/packages/live/pages/detail/index'
import LiveListPage from '../../src/packages/live/pages/list/index'
import TracePage from '../../src/packages/live/pages/trace/index'
import { resetBackend } from '../../src/services/backend'
import {
  answerSubscribe, callsTo, calls, clipboard, navigations, openedDocuments, phoneCalls, previews, resetTaro, respondByAction, setRouterParams, subscribeRequests, toasts,
} from '../support/taro'

const HOUR = 3_600_000
const live: LiveDetailView = {
  id: 'l1',
  title: '保税仓直播：新到奶粉开箱验货',
  host: { name: '阿敏', intro: '两个宝宝的妈妈', photoFileID: 'cloud://env.b/demo/live/host.jpg' },
  scene: 'bonded',
  sceneLabel: '保税仓',
  startAt: new Date(Date.now() + 26 * HOUR + 30 * 60_000).toISOString(),
  phase: 'upcoming',
  products: [
    { name: '婴儿配方奶粉 1段', chainId: 'c1', priceFen: 12800, remaining: 3 },
    { name: '有机高铁米粉', priceFen: null, remaining: null },
  ],
  coverFileID: 'cloud://env.b/demo/live/cover.jpg',
  evidence: [
    { kind: 'quality', title: '质检报告全文', fileID: 'cloud://env.b/demo/live/quality.pdf' },
    { kind: 'customs', title: '进口报关单', fileID: 'cloud://env.b/demo/live/customs.png' },
    { kind: 'customs', title: '报关单号 292620261000458316' },
    { kind: 'other', title: '保税仓实拍', fileID: 'cloud://env.b/demo/live/warehouse.jpg' },
  ],
  targetTags: [],
  remindable: true,
  reminded: false,
}
const noQa = { items: [], total: 0, page: 1, pageSize: 50 }

beforeEach(() => {
  resetTaro()
  resetBackend()
  setRouterParams({ id: 'l1' })
})

describe('live preview', () => {
  test('countdown, host, products with their chain price and quota, evidence grouped by kind', async () => {
    respondByAction({ 'live.get': live, 'live.qa': noQa })
    render(<LiveDetailPage />)
    expect(await screen.findByText('保税仓直播：新到奶粉开箱验货')).toBeTruthy()
    expect(screen.getByTestId('live-countdown').textContent).toMatch(/^距开播1天2小时$/)
    expect(screen.getByTestId('live-host').textContent).toContain('两个宝宝的妈妈')
    const [milk, cereal] = screen.getAllByTestId('live-product').map((p) => p.textContent)
    expect(milk).toBe('婴儿配方奶粉 1段¥128接龙剩 3 件')
    expect(cereal).toBe('有机高铁米粉')
    // 报关单 first whatever order the leader added them in, the note with them
    const groups = screen.getAllByText(/^✓ /).map((g) => g.textContent)
    expect(groups).toEqual(['✓ 报关单', '✓ 质检报告', '✓ 其他'])
    expect(screen.getByTestId('evidence-customs').textContent).toContain('报关单号 292620261000458316')
    expect(callsTo('live', 'get')).toEqual([{ id: 'l1' }])
    expect(callsTo('live', 'qa')).toEqual([{ liveId: 'l1', page: 1, pageSize: 50 }])
  })

  test('a photo opens full size, swiping through the gallery; a PDF opens in the document viewer', async () => {
    respondByAction({ 'live.get': live, 'live.qa': noQa })
    render(<LiveDetailPage />)
    const [customs, warehouse] = await screen.findAllByTestId('evidence-image')
    fireEvent.click(warehouse)
    await waitFor(() => expect(previews).toHaveLength(1))
    expect(previews[0]).toEqual({ urls: ['cloud://env.b/demo/live/customs.png', 'cloud://env.b/demo/live/warehouse.jpg'], current: 'cloud://env.b/demo/live/warehouse.jpg' })
    fireEvent.click(customs)
    await waitFor(() => expect(previews).toHaveLength(2))
    expect(previews[1].current).toBe('cloud://env.b/demo/live/customs.png')
    fireEvent.click(screen.getByTestId('evidence-file'))
    await waitFor(() => expect(openedDocuments).toEqual([{ filePath: 'wxfile://tmp/quality.pdf', fileType: 'pdf' }]))
  })

  test('提醒我 asks for both live notices in the tap, records the ones she accepted, then reads 已提醒', async () => {
    respondByAction({ 'live.get': live, 'live.qa': noQa, 'live.remind': { reminded: true, credits: { reminder: 1, announce: 0 } } })
    answerSubscribe(async () => ({ [TEMPLATE_IDS.liveReminder]: 'accept', [TEMPLATE_IDS.liveAnnounce]: 'reject' }))
    render(<LiveDetailPage />)
    fireEvent.click(await screen.findByText('🔔 提醒我'))
    expect(await screen.findByText('✓ 已提醒')).toBeTruthy()
    expect(subscribeRequests).toEqual([[TEMPLATE_IDS.liveReminder, TEMPLATE_IDS.liveAnnounce]])
    expect(callsTo('live', 'remind')).toEqual([{ liveId: 'l1', accepted: ['reminder'], requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) }])
    expect(toasts).toEqual(['已设置，开播前 10 分钟提醒你'])
    // tapped again: nothing more is asked or sent
    fireEvent.click(screen.getByText('✓ 已提醒'))
    expect(subscribeRequests).toHaveLength(1)
  })

  test('a reminder she asked for on another device reads 已提醒 here too', async () => {
    respondByAction({ 'live.get': { ...live, reminded: true }, 'live.qa': noQa })
    render(<LiveDetailPage />)
    expect(await screen.findByText('✓ 已提醒')).toBeTruthy()
    expect(screen.queryByText('🔔 提醒我')).toBeNull()
  })

  test('提醒我 refused in the prompt: nothing is recorded and she is told why', async () => {
    respondByAction({ 'live.get': live, 'live.qa': noQa })
    answerSubscribe(async () => ({ [TEMPLATE_IDS.liveReminder]: 'reject', [TEMPLATE_IDS.liveAnnounce]: 'reject' }))
    render(<LiveDetailPage />)
    fireEvent.click(await screen.findByText('🔔 提醒我'))
    await waitFor(() => expect(toasts).toEqual(['允许「直播提醒」通知后，开播前才能提醒你']))
    expect(callsTo('live', 'remind')).toEqual([])
    expect(screen.getByText('🔔 提醒我')).toBeTruthy()
  })

  test('a question is checked against the schema, and a content-check or rate-limit refusal is shown as the function said it', async () => {
    let answer: { code: string; message: string } | undefined = { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后再发' }
    respondByAction({
      'live.get': live,
      'live.qa': noQa,
      'live.ask': () => {
        if (answer) throw answer
        return { id: 'q1' }
      },
    })
    render(<LiveDetailPage />)
    const box = (await screen.findByPlaceholderText(/这批奶粉的生产日期/)) as HTMLTextAreaElement
    fireEvent.change(box, { target: { value: '几号' } })
    fireEvent.click(screen.getByText('提交问题'))
    expect((await screen.findByTestId('live-question-error')).textContent).toBe('问题至少 5 个字')
    expect(callsTo('live', 'ask')).toEqual([])
    fireEvent.change(box, { target: { value: '这批奶粉什么时候生产的？' } })
    expect(screen.getByTestId('live-question-count').textContent).toBe('12/200')
    fireEvent.click(screen.getByText('提交问题'))
    await waitFor(() => expect(screen.getByTestId('live-question-error').textContent).toBe('内容未通过安全检查，请修改后再发'))
    answer = { code: 'RATE_LIMITED', message: '提问太频繁了，请 10 分钟后再试' }
    fireEvent.click(screen.getByText('提交问题'))
    await waitFor(() => expect(screen.getByTestId('live-question-error').textContent).toBe('提问太频繁了，请 10 分钟后再试'))
    expect(box.value).toBe('这批奶粉什么时候生产的？')
    answer = undefined
    fireEvent.click(screen.getByText('提交问题'))
    expect((await screen.findByTestId('live-question-sent')).textContent).toContain('这批奶粉什么时候生产的？')
    expect(box.value).toBe('')
    expect(callsTo('live', 'ask').at(-1)).toEqual({ liveId: 'l1', question: '这批奶粉什么时候生产的？', requestId: expect.any(String) })
  })

  test('the picked and answered questions, hers marked', async () => {
    const qa = {
      items: [
        { id: 'q1', question: '奶粉几段适合 7 个月？', askedAt: '2026-11-30T10:00:00.000Z', state: 'answered', answer: '7 个月喝 2 段', mine: true },
        { id: 'q2', question: '有没有羊奶粉？', askedAt: '2026-11-30T10:01:00.000Z', state: 'picked', mine: false },
      ],
      total: 2,
      page: 1,
      pageSize: 50,
    }
    respondByAction({ 'live.get': live, 'live.qa': qa })
    render(<LiveDetailPage />)
    const items = await screen.findAllByTestId('live-qa-item')
    expect(items.map((i) => i.textContent)).toEqual(['已回答我的提问问：奶粉几段适合 7 个月？主播回答7 个月喝 2 段', '待回答问：有没有羊奶粉？'])
  })

  test('a cancelled live says so, with no reminder, questions or Q&A', async () => {
    respondByAction({ 'live.get': { ...live, phase: 'cancelled', remindable: false }, 'live.qa': noQa })
    render(<LiveDetailPage />)
    expect((await screen.findByTestId('live-cancelled')).textContent).toContain('这场直播已取消')
    expect(screen.queryByText('🔔 提醒我')).toBeNull()
    expect(screen.queryByText('向主播提问')).toBeNull()
    expect(screen.queryByText('直播问答')).toBeNull()
  })

  test('after the live: the replay and highlights instead of the countdown, the reminder and the question box', async () => {
    const after = { ...live, phase: 'finished' as const, remindable: false, replayUrl: 'https://channels.example/replay/1', highlights: ['开箱验货：罐底溯源码现场扫码', '答疑：1 段转 2 段'] }
    respondByAction({ 'live.get': after, 'live.qa': noQa })
    render(<LiveDetailPage />)
    expect((await screen.findByTestId('live-highlights')).textContent).toContain('开箱验货：罐底溯源码现场扫码')
    expect(screen.queryByText('距开播')).toBeNull()
    expect(screen.queryByText('🔔 提醒我')).toBeNull()
    expect(screen.queryByText('向主播提问')).toBeNull()
    // weapp opens no outside page: the link is copied
    fireEvent.click(screen.getByText('▶ 看回放'))
    await waitFor(() => expect(clipboard).toEqual(['https://channels.example/replay/1']))
  })

  test('a visitor sees nothing of the live: the members-only prompt, told a friend shared one', async () => {
    setRouterParams({ id: 'l1', shared: '1' })
    const notMember = () => {
      throw { code: 'NOT_MEMBER', message: '加入妈妈圈后才能查看' }
    }
    respondByAction({ 'live.get': notMember, 'live.qa': notMember })
    render(<LiveDetailPage />)
    expect(await screen.findByText('直播预告仅对会员开放')).toBeTruthy()
    expect(screen.getByText(/好友分享了一场直播预告/)).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  test('the list: upcoming ones count down, past ones offer the replay; a visitor gets the prompt', async () => {
    const past = { ...live, id: 'l0', title: '牧场直播：奶源地探访', phase: 'finished' as const, replayUrl: 'https://channels.example/replay/0', remindable: false }
    respondByAction({ 'live.list': { upcoming: [live], recent: [past] } })
    render(<LiveListPage />)
    expect((await screen.findByTestId('live-item-l1')).textContent).toMatch(/距开播 1天2小时/)
    expect(screen.getByTestId('live-item-l0').textContent).toContain('▶ 回放')
    fireEvent.click(screen.getByTestId('live-item-l0'))
    expect(navigations).toEqual(['/packages/live/pages/detail/index?id=l0'])
    cleanup()
    respondByAction({ 'live.list': () => { throw { code: 'NOT_MEMBER', message: '加入妈妈圈后才能查看' } } })
    render(<LiveListPage />)
    expect(await screen.findByText('直播预告仅对会员开放')).toBeTruthy()
    expect(screen.queryByText('保税仓直播：新到奶粉开箱验货')).toBeNull()
  })
})

describe('home card', () => {
  test('the next live with its countdown, one tap from the preview; the list one tap away', () => {
    render(<NextLiveCard lives={{ upcoming: [live], recent: [] }} />)
    expect(screen.getByTestId('next-live-countdown').textContent).toBe('还有 1天2小时')
    expect(screen.getByTestId('next-live').textContent).toContain('保税仓直播 · 阿敏')
    fireEvent.click(screen.getByTestId('next-live'))
    fireEvent.click(screen.getByText('全部直播 ›'))
    expect(navigations).toEqual(['/packages/live/pages/detail/index?id=l1', '/packages/live/pages/list/index'])
  })

  test('none coming: a link to the past ones, or nothing at all', () => {
    const { rerender } = render(<NextLiveCard lives={{ upcoming: [], recent: [{ ...live, phase: 'finished' }] }} />)
    expect(screen.queryByTestId('next-live')).toBeNull()
    fireEvent.click(screen.getByTestId('live-list-entry'))
    expect(navigations).toEqual(['/packages/live/pages/list/index'])
    rerender(<NextLiveCard lives={{ upcoming: [], recent: [] }} />)
    expect(screen.queryByTestId('live-list-entry')).toBeNull()
    rerender(<NextLiveCard />)
    expect(screen.queryByTestId('live-list-entry')).toBeNull()
  })
})

describe('trace lookup', () => {
  const genuine = {
    code: 'QQ2611A-000001', found: true, batch: { batchNo: 'QQ2611A', customsNo: '292620261000458316' }, product: '婴儿配方奶粉 1段 800g',
    producedAt: '2026-09-18', expiresAt: '2028-09-17',
    evidence: [{ kind: 'customs', title: '报关单号 292620261000458316' }, { kind: 'quality', title: '质检报告', fileID: 'cloud://env.b/trace/report.pdf' }],
    queryCount: 3, firstQueriedAt: '2026-11-20T02:05:00.000Z',
  }
  const unknown = {
    code: 'QQ-404404', found: false, batch: null, product: null, producedAt: null, expiresAt: null, evidence: [], queryCount: 0, firstQueriedAt: null,
    warning: { kind: 'unknown', message: '未查询到该溯源码，可能是假冒产品。亲亲宝贝承诺假一赔十，请联系客服核实' },
  }

  const type = (value: string) => fireEvent.input(screen.getByPlaceholderText(/QQ-2611-0001/), { target: { value } })

  test('a code that cannot be one is explained, and nothing is looked up', async () => {
    setRouterParams({})
    render(<TracePage />)
    type('QQ 1')
    fireEvent.click(screen.getByText('查验'))
    expect((await screen.findByTestId('trace-code-error')).textContent).toMatch(/6–40 位/)
    expect(calls).toEqual([])
  })

  test('a genuine code: batch, dates, customs no., the report opens, and how often since when', async () => {
    setRouterParams({})
    respondByAction({ 'trace.lookup': genuine })
    render(<TracePage />)
    type(' qq2611a-000001 ')
    fireEvent.click(screen.getByText('查验'))
    const facts = await screen.findByTestId('trace-facts')
    expect(callsTo('trace', 'lookup')).toEqual([{ code: 'QQ2611A-000001' }])
    for (const f of ['QQ2611A', '婴儿配方奶粉 1段 800g', '2026-09-18', '2028-09-17', '292620261000458316']) expect(facts.textContent).toContain(f)
    expect(screen.getByTestId('trace-history').textContent).toBe('该溯源码已被查询 3 次，首次查询于 2026-11-20 10:05')
    fireEvent.click(screen.getByTestId('trace-report'))
    await waitFor(() => expect(openedDocuments).toEqual([{ filePath: 'wxfile://tmp/report.pdf', fileType: 'pdf' }]))
    expect(screen.queryByTestId('trace-warning')).toBeNull()
  })

  test('an unknown code: the red warning, 假一赔十, and a call or the WeChat id of customer service', async () => {
    setRouterParams({})
    respondByAction({ 'trace.lookup': unknown })
    render(<TracePage />)
    type('QQ-404404')
    fireEvent.click(screen.getByText('查验'))
    expect((await screen.findByTestId('trace-warning')).textContent).toContain('未查到这个溯源码')
    expect(screen.getByText(unknown.warning.message)).toBeTruthy()
    expect(screen.getByText('假一赔十')).toBeTruthy()
    fireEvent.click(screen.getByTestId('service-call'))
    fireEvent.click(screen.getByTestId('service-wechat'))
    await waitFor(() => expect(phoneCalls).toEqual([CUSTOMER_SERVICE.phone.replace(/-/g, '')]))
    await waitFor(() => expect(clipboard).toEqual([CUSTOMER_SERVICE.wechat]))
    expect(screen.queryByTestId('trace-facts')).toBeNull()
  })

  test('a copied code: the warning, with the batch it was registered to', async () => {
    setRouterParams({})
    respondByAction({ 'trace.lookup': { ...genuine, warning: { kind: 'manyQueriers', message: '该溯源码已被多人查询，可能被仿冒。亲亲宝贝承诺假一赔十，请联系客服核实' } } })
    render(<TracePage />)
    type('QQ2611A-000001')
    fireEvent.click(screen.getByText('查验'))
    expect((await screen.findByTestId('trace-warning')).textContent).toContain('这个溯源码可能被仿冒')
    expect(screen.getByTestId('trace-facts').textContent).toContain('QQ2611A')
  })

  test('too many lookups: the function’s message, no result', async () => {
    setRouterParams({})
    respondByAction({ 'trace.lookup': () => { throw { code: 'RATE_LIMITED', message: '查询太频繁了，请稍后再试' } } })
    render(<TracePage />)
    type('QQ2611A-000001')
    fireEvent.click(screen.getByText('查验'))
    expect(await screen.findByText('查询太频繁了，请稍后再试')).toBeTruthy()
    expect(screen.queryByTestId('trace-facts')).toBeNull()
  })

  test('a shared code is filled in but not looked up until she taps 查验', async () => {
    setRouterParams({ code: 'QQ2611A-000003' })
    respondByAction({ 'trace.lookup': genuine })
    render(<TracePage />)
    expect(screen.getByText(/好友分享了溯源码 QQ2611A-000003/)).toBeTruthy()
    expect((screen.getByPlaceholderText(/QQ-2611-0001/) as HTMLInputElement).value).toBe('QQ2611A-000003')
    expect(calls).toEqual([])
    fireEvent.click(screen.getByText('查验'))
    await screen.findByTestId('trace-facts')
    expect(callsTo('trace', 'lookup')).toEqual([{ code: 'QQ2611A-000003' }])
  })

  test('no scan button outside the mini-program', () => {
    setRouterParams({})
    render(<TracePage />)
    expect(screen.queryByText(/扫一扫/)).toBeNull()
  })
})
