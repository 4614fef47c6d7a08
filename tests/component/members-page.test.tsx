import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import MembersPage from '../../src/packages/leader/pages/members/index'
import { resetBackend } from '../../src/services/backend'
import { callsTo, resetTaro, respondByAction, toasts } from '../support/taro'

beforeEach(() => {
  resetTaro()
  resetBackend()
})

const xiaoyu = {
  openid: 'o1',
  status: 'member',
  nickname: '小雨妈妈',
  roles: [],
  tags: ['6-12月', '辅食添加期', '老客户'],
  manualTags: ['老客户'],
  needs: ['辅食添加'],
  phoneMasked: '138****1234',
  age: '7 个月',
  city: '杭州',
}

const page = (items: unknown[]) => ({ items, total: items.length, page: 1, pageSize: 20 })

const directoryCalls = () => callsTo('member', 'list')

const tagsInUse = {
  items: [
    { tag: '孕期', label: '孕期', count: 3, kind: 'rule' },
    { tag: '6-12月', label: '6–12 月 辅食添加期', count: 12, kind: 'rule' },
    { tag: '老客户', label: '老客户', count: 4, kind: 'manual' },
  ],
}

test('lists members with masked phones and filters by status, stage tag and nickname', async () => {
  respondByAction({ 'member.list': page([xiaoyu]), 'member.tagsInUse': tagsInUse })
  render(<MembersPage />)
  const row = within(await screen.findByTestId('member-o1'))
  // the tag filter comes from the functions' count of tags in use, leaders' own tags included
  await waitFor(() => expect(within(screen.getByTestId('tag-filter')).getByRole('checkbox', { name: '老客户 4' })).toBeTruthy())
  expect(callsTo('member', 'tagsInUse')).toHaveLength(1)
  expect(row.getByText('138****1234')).toBeTruthy()
  expect(row.getByText('6–12 月 辅食添加期')).toBeTruthy()
  expect(screen.queryByText('13812341234')).toBeNull()

  fireEvent.click(within(screen.getByTestId('status-filter')).getByRole('checkbox', { name: '正式会员' }))
  await waitFor(() => expect(directoryCalls()).toHaveLength(2))
  fireEvent.click(within(screen.getByTestId('tag-filter')).getByRole('checkbox', { name: '孕期 3' }))
  await waitFor(() => expect(directoryCalls()).toHaveLength(3))
  fireEvent.change(screen.getByTestId('member-keyword'), { target: { value: ' 小雨 ' } })
  fireEvent.click(screen.getByText('搜索'))
  await waitFor(() => expect(directoryCalls()).toHaveLength(4))
  // a second tap on a chip clears that filter
  fireEvent.click(within(screen.getByTestId('status-filter')).getByRole('checkbox', { name: '正式会员' }))
  await waitFor(() => expect(directoryCalls()).toHaveLength(5))

  expect(directoryCalls()).toEqual([
    { page: 1, pageSize: 20 },
    { page: 1, pageSize: 20, status: 'member' },
    { page: 1, pageSize: 20, status: 'member', tag: '孕期' },
    { page: 1, pageSize: 20, status: 'member', tag: '孕期', keyword: '小雨' },
    { page: 1, pageSize: 20, tag: '孕期', keyword: '小雨' },
  ])
})

test('a leader adds and removes manual tags; automatic ones cannot be removed by hand', async () => {
  respondByAction({
    'member.list': page([xiaoyu]),
    'member.tag': (d) => {
      const add = (d.add as string[] | undefined) ?? []
      const remove = (d.remove as string[] | undefined) ?? []
      const manualTags = [...xiaoyu.manualTags.filter((t) => !remove.includes(t)), ...add]
      return { manualTags, tags: ['6-12月', '辅食添加期', ...manualTags] }
    },
  })
  render(<MembersPage />)
  await screen.findByTestId('member-o1')
  fireEvent.click(screen.getByText('小雨妈妈'))
  const editor = within(screen.getByTestId('tags-o1'))
  expect(editor.getByText('辅食添加期 · 自动')).toBeTruthy()
  expect(editor.queryByLabelText('移除 辅食添加期')).toBeNull()

  fireEvent.change(editor.getByTestId('tags-o1-input'), { target: { value: '体验官' } })
  fireEvent.click(editor.getByText('添加'))
  await waitFor(() => expect(editor.getByLabelText('移除 体验官')).toBeTruthy())
  fireEvent.click(editor.getByLabelText('移除 老客户'))
  await waitFor(() => expect(editor.queryByLabelText('移除 老客户')).toBeNull())
  expect(callsTo('member', 'tag')).toEqual([
    { openid: 'o1', add: ['体验官'] },
    { openid: 'o1', remove: ['老客户'] },
  ])
})

test('a refused tag change says why and keeps the tags as they were', async () => {
  respondByAction({
    'member.list': page([xiaoyu]),
    'member.tag': () => {
      throw { code: 'BAD_INPUT', message: '标签：标签最多 20 个字' }
    },
  })
  render(<MembersPage />)
  await screen.findByTestId('member-o1')
  fireEvent.click(screen.getByText('小雨妈妈'))
  fireEvent.click(screen.getByLabelText('移除 老客户'))
  await waitFor(() => expect(toasts).toEqual(['标签：标签最多 20 个字']))
  expect(screen.getByLabelText('移除 老客户')).toBeTruthy()
})

test('an empty result says so', async () => {
  respondByAction({ 'member.list': page([]) })
  render(<MembersPage />)
  expect(await screen.findByText('没有找到符合条件的妈妈')).toBeTruthy()
})
