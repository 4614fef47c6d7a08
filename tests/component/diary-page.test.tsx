import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import DiaryNewPage from '../../src/packages/forms/pages/diary-new/index'
import DiaryPage from '../../src/pages/diary/index'
import { resetBackend } from '../../src/services/backend'
import { calls, navigations, resetTaro, respondWith, routes, toasts } from '../support/taro'

// The photo picker and cloud upload are platform APIs: stand-ins that record what the page asked.
const uploads: { cloudPath: string; filePath: string }[] = []
const platform = Taro as unknown as Record<string, unknown> & { cloud: Record<string, unknown> }
platform.chooseMedia = async () => ({ tempFiles: [{ tempFilePath: 'wxfile://tmp/baby.png' }] })
platform.cloud.uploadFile = async (o: { cloudPath: string; filePath: string }) => {
  uploads.push(o)
  return { fileID: `cloud://env.bucket/${o.cloudPath}` }
}

const diary = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  authorName: '豆豆妈妈',
  text: `日记 ${id}`,
  photoFileID: `cloud://env.bucket/diary/${id}.jpg`,
  likeCount: 2,
  likedByMe: false,
  mine: false,
  createdAt: '2026-11-28T02:00:00.000Z',
  ...extra,
})

const ok = (data: unknown) => ({ result: { ok: true, data } })

function backendWith(overrides: Record<string, (data: Record<string, unknown>) => unknown> = {}) {
  respondWith(async ({ data }) => {
    const action = String(data.action)
    if (overrides[action]) return ok(overrides[action](data))
    if (action === 'contests') return ok({ items: [] })
    if (action === 'diaries') return ok({ items: [diary('d1'), diary('d2', { likedByMe: true })], total: 2, page: 1, pageSize: 20 })
    return { result: { ok: false, error: { code: 'INTERNAL', message: `unexpected ${action}` } } }
  })
}

beforeEach(() => {
  resetTaro()
  resetBackend()
  uploads.length = 0
})

test('shows the diaries newest first with their likes, and a like counts with the function’s number', async () => {
  backendWith({ like: () => ({ liked: true, counted: true, likeCount: 7 }) })
  render(<DiaryPage />)
  expect(await screen.findByText('日记 d1')).toBeTruthy()
  fireEvent.click(screen.getByLabelText('点赞，已有 2 个赞', { selector: '[aria-pressed="false"]' }))
  await waitFor(() => expect(screen.getByLabelText('点赞，已有 7 个赞')).toBeTruthy())
  expect(calls.filter((c) => c.data.action === 'like')).toEqual([{ name: 'content', data: { action: 'like', id: 'd1' } }])
})

test('liking a diary she already liked sends nothing', async () => {
  backendWith()
  render(<DiaryPage />)
  await screen.findByText('日记 d2')
  fireEvent.click(screen.getByLabelText('点赞，已有 2 个赞', { selector: '[aria-pressed="true"]' }))
  await waitFor(() => expect(toasts).toEqual(['已经赞过啦']))
  expect(calls.some((c) => c.data.action === 'like')).toBe(false)
})

test('the feed comes first; the floating ＋ opens the form, a page of the forms subpackage', async () => {
  backendWith()
  render(<DiaryPage />)
  await screen.findByText('日记 d1')
  expect(screen.queryByText('晒晒宝宝')).toBeNull()
  fireEvent.click(screen.getByTestId('diary-compose'))
  expect(routes).toEqual([{ kind: 'navigateTo', url: '/packages/forms/pages/diary-new/index' }])
})

test('posting without a photo or a line says what is missing and sends nothing', async () => {
  backendWith()
  render(<DiaryNewPage />)
  await screen.findByText('晒晒宝宝')
  fireEvent.click(screen.getByText('发布'))
  expect(await screen.findByText('请先选一张宝宝的照片')).toBeTruthy()
  expect(screen.getByText('说点什么吧')).toBeTruthy()
  expect(calls.some((c) => c.data.action === 'postDiary')).toBe(false)
  expect(uploads).toEqual([])
})

test('a diary uploads the picked photo, then posts its fileID with the line and goes back to the tab', async () => {
  backendWith({ postDiary: () => ({ id: 'd3' }) })
  render(<DiaryNewPage />)
  await waitFor(() => expect(calls.some((c) => c.data.action === 'contests')).toBe(true))
  fireEvent.click(screen.getByText('＋ 选择照片'))
  fireEvent.change(await screen.findByPlaceholderText('今天宝宝第一次…'), { target: { value: '  第一次叫妈妈  ' } })
  await waitFor(() => expect(document.querySelector('img.c-photo[src="wxfile://tmp/baby.png"]')).toBeTruthy())
  fireEvent.click(screen.getByText('发布'))
  await waitFor(() => expect(toasts).toContain('发布成功'))
  expect(uploads).toEqual([{ cloudPath: expect.stringMatching(/^diary\/\d+-[a-z0-9]+\.png$/), filePath: 'wxfile://tmp/baby.png' }])
  const post = calls.find((c) => c.data.action === 'postDiary')
  expect(post?.data).toEqual({ action: 'postDiary', text: '第一次叫妈妈', photoFileID: `cloud://env.bucket/${uploads[0].cloudPath}`, requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
  await waitFor(() => expect(routes).toEqual([{ kind: 'switchTab', url: '/pages/diary/index' }]))
})

test('a line longer than the schema allows is refused with its words, before any upload', async () => {
  backendWith()
  render(<DiaryNewPage />)
  fireEvent.click(await screen.findByText('＋ 选择照片'))
  // (the box stops her at 200; a paste can still carry more)
  fireEvent.change(screen.getByPlaceholderText('今天宝宝第一次…'), { target: { value: '宝'.repeat(201) } })
  await waitFor(() => expect(document.querySelector('img.c-photo')).toBeTruthy())
  fireEvent.click(screen.getByText('发布'))
  expect(await screen.findByText('最多 200 个字')).toBeTruthy()
  expect(uploads).toEqual([])
  expect(calls.some((c) => c.data.action === 'postDiary')).toBe(false)
})

test('a rejected diary shows the function’s message and keeps her draft', async () => {
  respondWith(async ({ data }) => {
    if (data.action === 'postDiary') return { result: { ok: false, error: { code: 'CONTENT_REJECTED', message: '内容未通过安全检查，请修改后再发' } } }
    if (data.action === 'contests') return ok({ items: [] })
    return ok({ items: [], total: 0, page: 1, pageSize: 20 })
  })
  render(<DiaryNewPage />)
  fireEvent.click(await screen.findByText('＋ 选择照片'))
  fireEvent.change(screen.getByPlaceholderText('今天宝宝第一次…'), { target: { value: '违禁词' } })
  await waitFor(() => expect(document.querySelector('img[src="wxfile://tmp/baby.png"]')).toBeTruthy())
  fireEvent.click(screen.getByText('发布'))
  expect((await screen.findByRole('alert')).textContent).toBe('内容未通过安全检查，请修改后再发')
  expect((screen.getByPlaceholderText('今天宝宝第一次…') as HTMLTextAreaElement).value).toBe('违禁词')
  expect(routes).toEqual([])
})

test('a visitor sees that diaries are for members', async () => {
  respondWith(async ({ data }) =>
    data.action === 'contests' || data.action === 'diaries'
      ? { result: { ok: false, error: { code: 'NOT_MEMBER', message: '请先加入亲亲宝贝社群，审核通过后即可使用' } } }
      : ok({}),
  )
  render(<DiaryPage />)
  expect(await screen.findByText('晒娃日记仅对会员开放')).toBeTruthy()
  expect(screen.queryByText('发布')).toBeNull()
  // a way in, not a dead end
  fireEvent.click(screen.getByText('去申请加入'))
  expect(navigations).toEqual(['/pages/index/index'])
})

test('choosing an open contest enters it; the tab underneath then shows that contest and its ranking', async () => {
  const contest = { id: 'c1', title: '宝宝第一次', theme: '晒第一次', deadline: '2026-12-01T12:00:00.000Z', open: true, createdAt: '2026-11-20T00:00:00.000Z' }
  backendWith({
    contests: () => ({ items: [contest] }),
    ranking: () => ({ contest, items: [{ ...diary('d9'), rank: 1, likeCount: 12, authorName: '冠军妈妈' }] }),
    postDiary: () => ({ id: 'd10' }),
  })
  // the tab stays open under the form, as in the app
  const tab = within(render(<DiaryPage />).container)
  await tab.findByText('日记 d1')
  expect(tab.queryByText('冠军妈妈')).toBeNull()
  const form = within(render(<DiaryNewPage />).container)
  fireEvent.click(await form.findByText('宝宝第一次'))
  fireEvent.click(form.getByText('＋ 选择照片'))
  fireEvent.change(form.getByPlaceholderText('今天宝宝第一次…'), { target: { value: '参赛啦' } })
  await waitFor(() => expect(document.querySelector('img[src="wxfile://tmp/baby.png"]')).toBeTruthy())
  fireEvent.click(form.getByText('发布'))
  await waitFor(() => expect(toasts).toContain('已参加活动'))
  expect(calls.find((c) => c.data.action === 'postDiary')?.data).toMatchObject({ contestId: 'c1' })
  expect(await tab.findByText('冠军妈妈')).toBeTruthy()
  expect(calls.some((c) => c.data.action === 'diaries' && c.data.contestId === 'c1')).toBe(true)
  expect(routes).toEqual([{ kind: 'switchTab', url: '/pages/diary/index' }])
})
