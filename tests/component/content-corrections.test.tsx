import { fireEvent, render, screen, waitFor, within } from '@testing-library/react'
import DiaryPage from '../../src/pages/diary/index'
import HomePage from '../../src/pages/index/index'
import DiaryEditPage from '../../src/packages/forms/pages/diary-edit/index'
import QaPage from '../../src/packages/forms/pages/qa/index'
import LeaderContestsPage from '../../src/packages/leader/pages/contests/index'
import LeaderPostsPage from '../../src/packages/leader/pages/posts/index'
import { resetBackend } from '../../src/services/backend'
import { answerModals, callsTo, modals, resetTaro, respondByAction, routes, setRouterParams, toasts } from '../support/taro'

const page = <T,>(items: T[]) => ({ items, total: items.length, page: 1, pageSize: 20 })
const diary = (id: string, mine: boolean) => ({
  id, authorName: mine ? '小雨妈妈' : '豆豆妈妈', text: `日记 ${id}`, photoFileID: `cloud://env.b/${id}.jpg`, likeCount: 1, likedByMe: false, mine, createdAt: '2026-11-28T02:00:00.000Z',
})
const post = (id: string, title: string) => ({ id, title, body: `${title}的正文`, kind: 'tip', targetTags: [], authorName: '王团长', publishedAt: '2026-11-28T02:00:00.000Z' })
const leaderMe = { openid: 'l1', status: 'member', roles: ['leader'], tags: [] }
const fail = (code: string, message: string) => () => {
  throw { code, message }
}

beforeEach(() => {
  resetTaro()
  resetBackend()
})

describe('晒娃: her own diaries', () => {
  beforeEach(() => {
    respondByAction({
      'content.contests': { items: [] },
      'content.diaries': page([diary('d1', true), diary('d2', false)]),
      'content.editDiary': (d: Record<string, unknown>) => ({ id: d.id, editedAt: '2026-11-28T03:00:00.000Z' }),
      'content.deleteDiary': (d: Record<string, unknown>) => ({ id: d.id, deleted: true }),
    })
  })

  test('only her entry offers 编辑 / 删除', async () => {
    render(<DiaryPage />)
    await screen.findByText('日记 d2')
    expect(screen.getAllByTestId('owner-actions')).toHaveLength(1)
    expect(within(screen.getByTestId('owner-actions')).getByText('编辑')).toBeTruthy()
  })

  test('编辑 opens the edit page on her words; once saved, the tab under it shows the new text', async () => {
    const tab = within(render(<DiaryPage />).container)
    await tab.findByText('日记 d1')
    fireEvent.click(tab.getByText('编辑'))
    // the diary travels in the link: the form lives in the forms subpackage
    expect(routes).toEqual([{ kind: 'navigateTo', url: `/packages/forms/pages/diary-edit/index?id=d1&text=${encodeURIComponent('日记 d1')}&photo=${encodeURIComponent('cloud://env.b/d1.jpg')}` }])
    const query = new URLSearchParams(routes[0].url.split('?')[1])
    // (WeChat hands the page its query as written in the link)
    setRouterParams(Object.fromEntries([...query].map(([k, v]) => [k, encodeURIComponent(v)])))
    const form = within(render(<DiaryEditPage />).container)
    const editor = form.getByTestId('edit-d1')
    expect((editor.querySelector('textarea') as HTMLTextAreaElement).value).toBe('日记 d1')
    fireEvent.change(editor.querySelector('textarea')!, { target: { value: '第一次翻身！' } })
    fireEvent.click(within(editor).getByText('保存'))
    expect(await tab.findByText('第一次翻身！')).toBeTruthy()
    expect(callsTo('content', 'editDiary')).toEqual([{ id: 'd1', text: '第一次翻身！' }])
    await waitFor(() => expect(routes.at(-1)).toEqual({ kind: 'switchTab', url: '/pages/diary/index' }))
    expect(toasts).toContain('已修改')
  })

  test('an empty edit is refused on the spot; a rejected one keeps the editor open with the reason', async () => {
    respondByAction({ 'content.editDiary': fail('CONTENT_REJECTED', '内容含有不适合发布的信息，请修改后再试') })
    setRouterParams({ id: 'd1', text: encodeURIComponent('日记 d1') })
    render(<DiaryEditPage />)
    const editor = screen.getByTestId('edit-d1')
    fireEvent.change(editor.querySelector('textarea')!, { target: { value: '   ' } })
    fireEvent.click(within(editor).getByText('保存'))
    expect(await within(editor).findByText('说点什么吧')).toBeTruthy()
    expect(callsTo('content', 'editDiary')).toEqual([])
    fireEvent.change(editor.querySelector('textarea')!, { target: { value: '不合适的话' } })
    fireEvent.click(within(editor).getByText('保存'))
    expect(await within(editor).findByText('内容含有不适合发布的信息，请修改后再试')).toBeTruthy()
    expect(routes).toEqual([])
  })

  test('取消 goes back to the tab and sends nothing', async () => {
    setRouterParams({ id: 'd1', text: encodeURIComponent('日记 d1') })
    render(<DiaryEditPage />)
    fireEvent.click(screen.getByText('取消'))
    expect(routes).toEqual([{ kind: 'switchTab', url: '/pages/diary/index' }])
    expect(callsTo('content', 'editDiary')).toEqual([])
  })

  test('删除 asks first; confirmed, the entry leaves the feed', async () => {
    answerModals(true)
    render(<DiaryPage />)
    await screen.findByText('日记 d1')
    fireEvent.click(screen.getByText('删除'))
    await waitFor(() => expect(screen.queryByText('日记 d1')).toBeNull())
    expect(modals[0]).toMatchObject({ title: '删除这条日记？', confirmText: '删除' })
    expect(callsTo('content', 'deleteDiary')).toEqual([{ id: 'd1' }])
    await waitFor(() => expect(toasts).toContain('已删除'))
  })

  test('cancelling the confirm sends nothing and keeps the entry', async () => {
    answerModals(false)
    render(<DiaryPage />)
    await screen.findByText('日记 d1')
    fireEvent.click(screen.getByText('删除'))
    await waitFor(() => expect(modals).toHaveLength(1))
    expect(callsTo('content', 'deleteDiary')).toEqual([])
    expect(screen.getByText('日记 d1')).toBeTruthy()
  })
})

describe('问答: her unanswered questions', () => {
  const open = { id: 'q2', question: '几个月加辅食？', askedAt: '2026-11-28T02:00:00.000Z', answered: false, mine: true }
  const done = { id: 'q3', question: '湿疹怎么护理？', askedAt: '2026-11-27T02:00:00.000Z', answered: true, answer: '保湿', answeredByName: '李医生', mine: true }

  test('only her unanswered question offers 编辑 / 删除, and an edit is saved', async () => {
    respondByAction({
      'content.questions': page([open, done]),
      'content.editQuestion': (d: Record<string, unknown>) => ({ id: d.id, editedAt: '2026-11-28T03:00:00.000Z' }),
    })
    render(<QaPage />)
    await screen.findByText('几个月加辅食？')
    expect(screen.getAllByTestId('owner-actions')).toHaveLength(1)
    fireEvent.click(screen.getByText('编辑'))
    const editor = screen.getByTestId('edit-q2')
    fireEvent.change(editor.querySelector('textarea')!, { target: { value: '宝宝几个月加辅食？' } })
    fireEvent.click(within(editor).getByText('保存'))
    expect(await screen.findByText('宝宝几个月加辅食？')).toBeTruthy()
    expect(callsTo('content', 'editQuestion')).toEqual([{ id: 'q2', question: '宝宝几个月加辅食？' }])
  })

  test('answered meanwhile: the edit is refused, the list reloads and the editor closes', async () => {
    respondByAction({
      'content.questions': page([open]),
      'content.editQuestion': fail('CONFLICT', '专家已经回答了这个问题，不能再修改或删除啦'),
    })
    render(<QaPage />)
    await screen.findByText('几个月加辅食？')
    fireEvent.click(screen.getByText('编辑'))
    const editor = screen.getByTestId('edit-q2')
    fireEvent.change(editor.querySelector('textarea')!, { target: { value: '宝宝几个月加辅食？' } })
    fireEvent.click(within(editor).getByText('保存'))
    await waitFor(() => expect(screen.queryByTestId('edit-q2')).toBeNull())
    await waitFor(() => expect(callsTo('content', 'questions')).toHaveLength(2))
  })

  test('删除 asks, then takes it off the list', async () => {
    answerModals(true)
    respondByAction({ 'content.questions': page([open]), 'content.deleteQuestion': { id: 'q2', deleted: true } })
    render(<QaPage />)
    await screen.findByText('几个月加辅食？')
    fireEvent.click(screen.getByText('删除'))
    await waitFor(() => expect(screen.queryByText('几个月加辅食？')).toBeNull())
    expect(callsTo('content', 'deleteQuestion')).toEqual([{ id: 'q2' }])
  })
})

describe('团长: published posts', () => {
  beforeEach(() => setRouterParams({ tab: 'published' }))

  test('each post has 编辑 / 删除; an edit sends only what changed', async () => {
    respondByAction({
      'member.me': leaderMe,
      'member.list': page([]),
      'content.feed': page([post('p1', '补钙'), post('p2', '辅食')]),
      'content.editPost': (d: Record<string, unknown>) => ({ ...post('p1', String(d.title)) }),
    })
    render(<LeaderPostsPage />)
    await screen.findByText('补钙')
    expect(screen.getAllByTestId('owner-actions')).toHaveLength(2)
    fireEvent.click(screen.getAllByText('编辑')[0])
    expect(await screen.findByText('修改干货')).toBeTruthy()
    fireEvent.change(screen.getByDisplayValue('补钙'), { target: { value: '补钙的误区' } })
    fireEvent.click(screen.getByText('保存修改'))
    await waitFor(() => expect(callsTo('content', 'editPost')).toEqual([{ id: 'p1', title: '补钙的误区' }]))
    expect(await screen.findByText('补钙的误区')).toBeTruthy()
    await waitFor(() => expect(screen.queryByText('修改干货')).toBeNull())
  })

  test('删除 asks with the title; a post already removed by another leader just leaves the list', async () => {
    answerModals(true)
    respondByAction({
      'member.me': leaderMe,
      'member.list': page([]),
      'content.feed': page([post('p1', '补钙')]),
      'content.removePost': fail('NOT_FOUND', '这篇干货已经下架了'),
    })
    render(<LeaderPostsPage />)
    await screen.findByText('补钙')
    fireEvent.click(screen.getByText('删除'))
    await waitFor(() => expect(screen.queryByText('补钙')).toBeNull())
    expect(modals[0].content).toContain('「补钙」')
    expect(callsTo('content', 'removePost')).toEqual([{ id: 'p1' }])
  })
})

describe('团长: closing a contest', () => {
  const contest = { id: 'c1', title: '第一次翻身', theme: '晒翻身', deadline: '2026-12-01T12:00:00.000Z', open: true, createdAt: '2026-11-20T02:00:00.000Z' }
  const winners = [
    { rank: 1, diaryId: 'd1', authorName: '果果妈妈', text: '学爬', photoFileID: 'cloud://e.b/1.jpg', rankedLikes: 3 },
    { rank: 2, diaryId: 'd2', authorName: '小雨妈妈', text: '翻身', photoFileID: 'cloud://e.b/2.jpg', rankedLikes: 2 },
  ]
  const closed = { ...contest, open: false, closedAt: '2026-11-28T02:00:00.000Z', winners }

  test('结束并公布获奖 asks first, then shows the winners with 🏆', async () => {
    answerModals(true)
    let isClosed = false
    respondByAction({
      'member.me': leaderMe,
      'content.contests': () => ({ items: [isClosed ? closed : contest] }),
      'content.closeContest': () => {
        isClosed = true
        return { contest: closed }
      },
      'content.ranking': { contest: closed, items: [] },
    })
    render(<LeaderContestsPage />)
    fireEvent.click(await screen.findByText('结束并公布获奖'))
    expect(await screen.findByText('🏆 果果妈妈')).toBeTruthy()
    expect(modals[0].title).toBe('结束「第一次翻身」？')
    expect(callsTo('content', 'closeContest')).toEqual([{ contestId: 'c1' }])
    expect(toasts).toContain('已公布获奖名单')
    expect(screen.queryByText('结束并公布获奖')).toBeNull()
  })

  test('declining the confirm closes nothing', async () => {
    answerModals(false)
    respondByAction({ 'member.me': leaderMe, 'content.contests': { items: [contest] } })
    render(<LeaderContestsPage />)
    fireEvent.click(await screen.findByText('结束并公布获奖'))
    await waitFor(() => expect(modals).toHaveLength(1))
    expect(callsTo('content', 'closeContest')).toEqual([])
  })

  test('mothers see the winners on the contest’s ranking', async () => {
    setRouterParams({ contestId: 'c1' })
    respondByAction({ 'content.contests': { items: [closed] }, 'content.diaries': page([]), 'content.ranking': { contest: closed, items: [] } })
    render(<DiaryPage />)
    expect(await screen.findByText('🏆 小雨妈妈')).toBeTruthy()
    expect(screen.getByTestId('winners')).toBeTruthy()
  })
})

describe('首页: a shared post', () => {
  const me = { openid: 'm1', status: 'member', roles: [], tags: [], nickname: '小雨妈妈' }

  test('opens by id even when it is not on the first feed page', async () => {
    setRouterParams({ post: 'old', t: encodeURIComponent('很久以前的干货') })
    respondByAction({
      'member.me': me,
      'content.feed': page([post('p1', '新干货')]),
      'content.post': post('old', '很久以前的干货'),
      'content.questions': page([]),
    })
    render(<HomePage />)
    expect(await screen.findByText('很久以前的干货')).toBeTruthy()
    expect(await screen.findByText('新干货')).toBeTruthy()
    expect(screen.getByText('好友分享给你')).toBeTruthy()
    expect(callsTo('content', 'post')).toEqual([{ id: 'old' }])
  })

  test('a removed shared post is named, and the feed shows below', async () => {
    setRouterParams({ post: 'gone', t: encodeURIComponent('下架的干货') })
    respondByAction({
      'member.me': me,
      'content.feed': page([post('p1', '新干货')]),
      'content.post': fail('NOT_FOUND', '这篇干货已经下架或不对你的宝宝阶段开放'),
      'content.questions': page([]),
    })
    render(<HomePage />)
    expect(await screen.findByText(/好友分享的「下架的干货」已经下架/)).toBeTruthy()
    expect(screen.getByText('新干货')).toBeTruthy()
  })
})
