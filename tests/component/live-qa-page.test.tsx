import { act, cleanup, fireEvent, render, screen } from '@testing-library/react'
import LeaderLiveQaPage from '../../src/packages/leader/pages/live-qa/index'
import { LIVE_QA_POLL_MS } from '../../src/packages/leader/components/live/useLiveQuestions'
import { resetBackend } from '../../src/services/backend'
import { callsTo, hidePage, modals, resetTaro, respondByAction, setRouterParams, showPage, toasts } from '../support/taro'

type Q = { id: string; question: string; askedAt: string; state: 'new' | 'picked' | 'answered' | 'hidden'; askerName: string; mine: boolean; answer?: string }

let questions: Q[]
const leader = { openid: 'l1', status: 'member', roles: ['leader'], tags: [], nickname: '阿敏' }
const live = { id: 'live-1', title: '牧场直播', host: { name: '阿敏' }, scene: 'ranch', sceneLabel: '牧场', startAt: '2026-12-01T12:00:00.000Z', phase: 'upcoming', products: [], evidence: [], targetTags: [], remindable: true }
const ask = (id: string, question: string): Q => ({ id, question, askedAt: '2026-11-30T02:00:00.000Z', state: 'new', askerName: '小雨妈妈', mine: false })

/** lets the page's pending calls land */
const settle = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve()
})
const tick = (ms: number) => act(async () => {
  jest.advanceTimersByTime(ms)
  for (let i = 0; i < 5; i++) await Promise.resolve()
})

beforeEach(() => {
  jest.useFakeTimers()
  resetTaro()
  resetBackend()
  setRouterParams({ id: 'live-1' })
  questions = [ask('q1', '一天喝几次比较合适？')]
  respondByAction({
    'member.me': leader,
    'live.get': live,
    'live.questions': (data) => {
      const items = questions.filter((q) => !data.state || q.state === data.state)
      const page = Number(data.page ?? 1)
      const size = Number(data.pageSize ?? 20)
      return { items: items.slice((page - 1) * size, page * size), total: items.length, page, pageSize: size }
    },
    'live.curate': (data) => {
      const q = questions.find((x) => x.id === data.id)
      if (!q) throw { code: 'NOT_FOUND', message: '问题不存在或已被删除' }
      if (q.state === 'answered') throw { code: 'CONFLICT', message: '这个问题已经回答过了' }
      q.state = data.to as Q['state']
      if (data.answer) q.answer = String(data.answer)
      return { id: q.id, state: q.state }
    },
  })
})

afterEach(() => {
  cleanup()
  jest.useRealTimers()
})

test('new questions appear by polling, and what she is typing survives every refresh', async () => {
  render(<LeaderLiveQaPage />)
  await settle()
  expect(screen.getByText('一天喝几次比较合适？')).toBeTruthy()
  fireEvent.click(screen.getByTestId('q-answer-q1'))
  const box = screen.getByPlaceholderText(/主播口播的要点/) as HTMLTextAreaElement
  fireEvent.change(box, { target: { value: '每天 6–8 次' } })

  questions.push(ask('q2', '冲奶水温多少度？'))
  await tick(LIVE_QA_POLL_MS - 1)
  expect(screen.queryByText('冲奶水温多少度？')).toBeNull()
  await tick(1)
  expect(screen.getByText('冲奶水温多少度？')).toBeTruthy()
  expect((screen.getByPlaceholderText(/主播口播的要点/) as HTMLTextAreaElement).value).toBe('每天 6–8 次')
  expect(screen.getByRole('tab', { name: '新问题 2' })).toBeTruthy()
})

test('polling stops while the page is hidden and resumes when it shows again', async () => {
  render(<LeaderLiveQaPage />)
  await settle()
  const reads = () => callsTo('live', 'questions').length
  await tick(LIVE_QA_POLL_MS)
  const before = reads()
  expect(before).toBeGreaterThan(1)

  act(() => hidePage())
  await tick(LIVE_QA_POLL_MS * 5)
  expect(reads()).toBe(before)

  act(() => showPage())
  await tick(LIVE_QA_POLL_MS)
  expect(reads()).toBeGreaterThan(before)
})

test('pick, then answer from the 已选中 tab; the answer is sent with the question id', async () => {
  render(<LeaderLiveQaPage />)
  await settle()
  fireEvent.click(screen.getByTestId('q-pick-q1'))
  await settle()
  expect(screen.queryByTestId('q-q1')).toBeNull()
  expect(toasts).toContain('已选中，妈妈们能看到这个问题了')

  fireEvent.click(screen.getByRole('tab', { name: /已选中/ }))
  await settle()
  fireEvent.click(screen.getByTestId('q-answer-q1'))
  // an empty answer is refused on the spot
  fireEvent.click(screen.getByTestId('q-send-q1'))
  await settle()
  expect(toasts.at(-1)).toBe('回答：请填写回答')
  fireEvent.change(screen.getByPlaceholderText(/主播口播的要点/), { target: { value: '每天 6–8 次' } })
  fireEvent.click(screen.getByTestId('q-send-q1'))
  await settle()
  expect(callsTo('live', 'curate')).toEqual([
    { id: 'q1', to: 'picked' },
    { id: 'q1', to: 'answered', answer: '每天 6–8 次' },
  ])
  expect(screen.queryByTestId('q-q1')).toBeNull()
})

test('a question another leader answered first is explained, and the list refreshed', async () => {
  render(<LeaderLiveQaPage />)
  await settle()
  questions[0].state = 'answered' // someone else, a moment ago
  fireEvent.click(screen.getByTestId('q-hide-q1'))
  await settle()
  await settle()
  expect(modals.at(-1)).toMatchObject({ title: '这个问题已处理', content: '这个问题已经回答过了' })
  expect(screen.queryByTestId('q-q1')).toBeNull()
})

test('a finished live is read once, not watched: no polling once it takes no more questions', async () => {
  respondByAction({
    'member.me': leader,
    'live.get': { ...live, phase: 'finished' },
    'live.questions': (data) => ({ items: questions.filter((q) => q.state === data.state), total: 1, page: 1, pageSize: 20 }),
  })
  render(<LeaderLiveQaPage />)
  await settle()
  expect(screen.getByText('直播已结束或已取消，不再接收新问题')).toBeTruthy()
  const reads = callsTo('live', 'questions').length
  await tick(LIVE_QA_POLL_MS * 3)
  expect(callsTo('live', 'questions').length).toBe(reads)
})
