import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import RolesPage from '../../src/packages/leader/pages/roles/index'
import { resetBackend } from '../../src/services/backend'
import { answerModals, callsTo, modals, resetTaro, respondByAction } from '../support/taro'

beforeEach(() => {
  resetTaro()
  resetBackend()
})

const person = (openid: string, nickname: string, roles: string[]) => ({
  openid, status: 'member', nickname, roles, tags: [], manualTags: [], needs: [], phoneMasked: '139****5678',
})

test('someone who is not an admin gets a friendly 无权限 and no directory is loaded', async () => {
  respondByAction({ 'member.me': { openid: 'l1', status: 'member', roles: ['leader'], tags: [] } })
  render(<RolesPage />)
  expect(await screen.findByText('无权限')).toBeTruthy()
  expect(callsTo('member', 'list')).toEqual([])
})

test('an admin finds a member by nickname and grants her the leader role', async () => {
  respondByAction({
    'member.me': { openid: 'a1', status: 'member', roles: ['admin'], tags: [] },
    'member.list': (d) => ({ items: d.keyword ? [person('o2', '小雨妈妈', [])] : [person('a1', '管理员', ['admin'])], total: 1, page: 1, pageSize: 20 }),
    'member.setRoles': (d) => ({ roles: d.roles }),
  })
  render(<RolesPage />)
  await screen.findByTestId('roles-a1')
  // her own admin role is locked
  expect(within(screen.getByTestId('roles-a1')).getByRole('checkbox', { name: '管理员' }).getAttribute('aria-disabled')).toBe('true')

  fireEvent.change(screen.getByTestId('role-keyword'), { target: { value: '小雨' } })
  fireEvent.click(screen.getByText('查找'))
  const row = within(await screen.findByTestId('roles-o2'))
  fireEvent.click(row.getByRole('checkbox', { name: '团长' }))
  await waitFor(() => expect(row.getByRole('checkbox', { name: '团长' }).getAttribute('aria-checked')).toBe('true'))
  expect(callsTo('member', 'setRoles')).toEqual([{ openid: 'o2', roles: ['leader'] }])
  expect(callsTo('member', 'list')).toEqual([{ page: 1, pageSize: 20 }, { page: 1, pageSize: 20, keyword: '小雨' }])
})

test('revoking asks first; cancelling changes nothing', async () => {
  answerModals(false)
  respondByAction({
    'member.me': { openid: 'a1', status: 'member', roles: ['admin'], tags: [] },
    'member.list': { items: [person('o3', '客服小美', ['cs'])], total: 1, page: 1, pageSize: 20 },
  })
  render(<RolesPage />)
  const row = within(await screen.findByTestId('roles-o3'))
  fireEvent.click(row.getByRole('checkbox', { name: '客服' }))
  await waitFor(() => expect(modals).toEqual([{ title: '收回客服', content: '确定收回「客服小美」的客服权限吗？', confirmText: undefined }]))
  expect(row.getByRole('checkbox', { name: '客服' }).getAttribute('aria-checked')).toBe('true')
  expect(callsTo('member', 'setRoles')).toEqual([])
})
