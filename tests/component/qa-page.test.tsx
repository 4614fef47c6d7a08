import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import QaPage from '../../src/packages/forms/pages/qa/index'
import { resetBackend } from '../../src/services/backend'
import { calls, resetTaro, respondWith, toasts } from '../support/taro'

const answered = {
  id: 'q1',
  question: '宝宝湿疹反复怎么办？',
  askedAt: '2026-11-27T02:00:00.000Z',
  answered: true,
  answer: '保湿是第一位的',
  answeredByName: '李医生',
  answeredAt: '2026-11-27T03:00:00.000Z',
  mine: false,
}
const mine = { id: 'q2', question: '几个月加辅食？', askedAt: '2026-11-28T02:00:00.000Z', answered: false, mine: true }

beforeEach(() => {
  resetTaro()
  resetBackend()
  respondWith(async ({ data }) => {
    if (data.action === 'ask') return { result: { ok: true, data: { id: 'q2' } } }
    const items = data.mine ? [mine] : [answered]
    return { result: { ok: true, data: { items, total: items.length, page: 1, pageSize: 20 } } }
  })
})

test('shows answered questions with the expert’s answer', async () => {
  render(<QaPage />)
  expect(await screen.findByText('宝宝湿疹反复怎么办？')).toBeTruthy()
  expect(screen.getByText('保湿是第一位的')).toBeTruthy()
  expect(screen.getByText('李医生 回答：')).toBeTruthy()
  expect(calls[0]).toEqual({ name: 'content', data: { action: 'questions', page: 1, pageSize: 20 } })
})

test('a too-short question is refused on the spot, nothing is sent', async () => {
  render(<QaPage />)
  await screen.findByText('宝宝湿疹反复怎么办？')
  fireEvent.change(screen.getByPlaceholderText(/宝宝湿疹反复，可以用什么护理/), { target: { value: '啊' } })
  fireEvent.click(screen.getByText('提交问题'))
  expect(await screen.findByText('问题：问题至少 5 个字')).toBeTruthy()
  expect(calls.some((c) => c.data.action === 'ask')).toBe(false)
})

test('asking sends the question, clears the box and shows her questions', async () => {
  render(<QaPage />)
  await screen.findByText('宝宝湿疹反复怎么办？')
  const box = screen.getByPlaceholderText(/宝宝湿疹反复，可以用什么护理/) as HTMLTextAreaElement
  fireEvent.change(box, { target: { value: ' 几个月加辅食？ ' } })
  fireEvent.click(screen.getByText('提交问题'))
  expect(await screen.findByText('等待专家回答')).toBeTruthy()
  expect(calls.find((c) => c.data.action === 'ask')?.data).toEqual({ action: 'ask', question: '几个月加辅食？', requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
  expect(calls.at(-1)?.data).toEqual({ action: 'questions', page: 1, pageSize: 20, mine: true })
  expect(box.value).toBe('')
  await waitFor(() => expect(toasts).toEqual(['提问成功，专家回答后会公开']))
})
