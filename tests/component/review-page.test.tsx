import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import ReviewPage from '../../src/packages/leader/pages/review/index'
import { resetBackend } from '../../src/services/backend'
import { callsTo, modals, resetTaro, respondByAction, toasts } from '../support/taro'

beforeEach(() => {
  resetTaro()
  resetBackend()
})

const applicant = (n: number, extra: Record<string, unknown> = {}) => ({
  openid: `o${n}`,
  status: 'pending',
  nickname: `妈妈${n}`,
  roles: [],
  tags: [],
  manualTags: [],
  needs: [],
  phoneMasked: '138****1234',
  age: '5 个月',
  stage: '0–6 月',
  appliedAt: `2026-11-${String(n).padStart(2, '0')}T08:00:00.000Z`,
  ...extra,
})

const card = (openid: string) => within(screen.getByTestId(`applicant-${openid}`))

test('shows the queue oldest first with age, stage, needs, city and the masked phone', async () => {
  respondByAction({
    'member.pending': { items: [applicant(1, { needs: ['过敏体质', '其它：夜醒'], city: '杭州' }), applicant(2)], total: 2, page: 1, pageSize: 20 },
  })
  render(<ReviewPage />)
  const first = within(await screen.findByTestId('applicant-o1'))
  expect(first.getByText('宝宝 5 个月')).toBeTruthy()
  expect(first.getByText('0–6 月')).toBeTruthy()
  expect(first.getByText('过敏体质、其它：夜醒')).toBeTruthy()
  expect(first.getByText('杭州')).toBeTruthy()
  expect(first.getByText('138****1234')).toBeTruthy()
  const names = screen.getAllByText(/^妈妈\d+$/).map((e) => e.textContent)
  expect(names).toEqual(['妈妈1', '妈妈2'])
  expect(callsTo('member', 'pending')).toEqual([{ page: 1, pageSize: 20 }])
})

test('approving sends the tags suggested from her needs, as edited, and removes her at once', async () => {
  let release: (v: unknown) => void = () => undefined
  respondByAction({
    'member.pending': { items: [applicant(1, { needs: ['过敏体质', '辅食添加'] }), applicant(2)], total: 2, page: 1, pageSize: 20 },
    'member.review': () => new Promise((r) => (release = r)),
  })
  render(<ReviewPage />)
  await screen.findByTestId('applicant-o1')
  // suggestions from the needs, editable: drop one, add one
  expect(card('o1').getByText('过敏体质宝宝')).toBeTruthy()
  fireEvent.click(card('o1').getByLabelText('移除 辅食添加期'))
  fireEvent.change(card('o1').getByTestId('tags-o1-input'), { target: { value: '体验官候选' } })
  fireEvent.click(card('o1').getByText('添加'))
  fireEvent.click(card('o1').getByText('通过'))
  // optimistic: gone before the function answers
  expect(screen.queryByTestId('applicant-o1')).toBeNull()
  expect(screen.getByText('待审核 1 位')).toBeTruthy()
  release({ status: 'member' })
  await waitFor(() => expect(toasts).toEqual(['已通过，已通知妈妈']))
  expect(callsTo('member', 'review')).toEqual([{ openid: 'o1', decision: 'approve', tags: ['过敏体质宝宝', '体验官候选'] }])
  expect(screen.getByTestId('applicant-o2')).toBeTruthy()
})

test('rejecting needs a note she will see; the note is sent', async () => {
  respondByAction({
    'member.pending': { items: [applicant(1)], total: 1, page: 1, pageSize: 20 },
    'member.review': { status: 'rejected' },
  })
  render(<ReviewPage />)
  await screen.findByTestId('applicant-o1')
  fireEvent.click(card('o1').getByText('不通过'))
  fireEvent.click(card('o1').getByText('确认不通过'))
  expect(card('o1').getByText('请写下原因，妈妈会看到这段话')).toBeTruthy()
  expect(callsTo('member', 'review')).toEqual([])
  fireEvent.change(card('o1').getByTestId('note-o1'), { target: { value: '暂时只接收杭州本地妈妈' } })
  fireEvent.click(card('o1').getByText('确认不通过'))
  await waitFor(() => expect(callsTo('member', 'review')).toEqual([{ openid: 'o1', decision: 'reject', note: '暂时只接收杭州本地妈妈' }]))
  expect(await screen.findByText('暂无待审核的申请')).toBeTruthy()
})

test('when another leader decided first, her message shows and the queue refreshes', async () => {
  let pendingCalls = 0
  respondByAction({
    'member.pending': () => {
      pendingCalls += 1
      return pendingCalls === 1
        ? { items: [applicant(1), applicant(2)], total: 2, page: 1, pageSize: 20 }
        : { items: [applicant(2)], total: 1, page: 1, pageSize: 20 }
    },
    'member.review': () => {
      throw { code: 'CONFLICT', message: '这份申请刚刚已被其他团长处理' }
    },
  })
  render(<ReviewPage />)
  await screen.findByTestId('applicant-o1')
  fireEvent.click(card('o1').getByText('通过'))
  await waitFor(() => expect(modals).toEqual([{ title: '这份申请已被处理', content: '这份申请刚刚已被其他团长处理', confirmText: undefined }]))
  await waitFor(() => expect(callsTo('member', 'pending')).toHaveLength(2))
  expect(screen.queryByTestId('applicant-o1')).toBeNull()
  expect(screen.getByText('待审核 1 位')).toBeTruthy()
})

test('a failed decision puts her back with the note the leader wrote', async () => {
  respondByAction({
    'member.pending': { items: [applicant(1), applicant(2)], total: 2, page: 1, pageSize: 20 },
    'member.review': () => {
      throw { code: 'INTERNAL', message: '系统开小差了，请稍后再试' }
    },
  })
  render(<ReviewPage />)
  await screen.findByTestId('applicant-o1')
  fireEvent.click(card('o1').getByText('不通过'))
  fireEvent.change(card('o1').getByTestId('note-o1'), { target: { value: '资料不完整' } })
  fireEvent.click(card('o1').getByText('确认不通过'))
  await waitFor(() => expect(toasts).toEqual(['系统开小差了，请稍后再试']))
  expect((card('o1').getByTestId('note-o1') as HTMLTextAreaElement).value).toBe('资料不完整')
  const names = screen.getAllByText(/^妈妈\d+$/).map((e) => e.textContent)
  expect(names).toEqual(['妈妈1', '妈妈2'])
})

test('"加载更多" fetches the next applicants without skipping any after decisions', async () => {
  // the server's queue: 22 applicants in pages of 20; each decision shifts the rest forward
  const queue = Array.from({ length: 22 }, (_, i) => applicant(i + 1))
  respondByAction({
    'member.pending': (d) => {
      const page = Number(d.page)
      const size = Number(d.pageSize)
      return { items: queue.slice((page - 1) * size, page * size), total: queue.length, page, pageSize: size }
    },
    'member.review': (d) => {
      queue.splice(queue.findIndex((a) => a.openid === d.openid), 1)
      return { status: 'member' }
    },
  })
  render(<ReviewPage />)
  await screen.findByTestId('applicant-o1')
  expect(screen.getAllByText(/^妈妈\d+$/)).toHaveLength(20)
  fireEvent.click(card('o1').getByText('通过'))
  await waitFor(() => expect(callsTo('member', 'review')).toHaveLength(1))
  fireEvent.click(screen.getByText('加载更多'))
  await screen.findByTestId('applicant-o21')
  fireEvent.click(screen.getByText('加载更多'))
  await screen.findByTestId('applicant-o22')
  const names = screen.getAllByText(/^妈妈\d+$/).map((e) => e.textContent)
  expect(names).toEqual(Array.from({ length: 21 }, (_, i) => `妈妈${i + 2}`))
  expect(screen.getByText('已经到底啦')).toBeTruthy()
})

test('someone without the leader role gets a friendly stop', async () => {
  respondByAction({
    'member.pending': () => {
      throw { code: 'FORBIDDEN', message: '没有权限进行此操作' }
    },
  })
  render(<ReviewPage />)
  expect(await screen.findByText('无权限')).toBeTruthy()
})
