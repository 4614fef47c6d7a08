// The live preview form's draft → the function's input: blank rows and empty optional fields left
// out, the schema's own words for what to fix, and an edit that sends only what changed.
import type { LiveView } from '../../domain/live'
import { changesOf, chinaParts, checkLive, draftFromLive, EMPTY_LIVE_DRAFT, errorKey, fieldOfMessage, toLiveInput, type LiveDraft } from '../../src/packages/leader/components/live/live-draft'

const NOW = new Date('2026-11-28T02:00:00.000Z') // 10:00 in China

const filled: LiveDraft = {
  ...EMPTY_LIVE_DRAFT,
  title: ' 牧场直播 ',
  hostName: '阿敏',
  scene: 'ranch',
  date: '2026-12-01',
  time: '20:00',
  products: [{ name: 'A2 奶粉', chainId: '' }, { name: '', chainId: '' }],
  evidence: [{ kind: 'customs', title: '报关单', fileID: 'cloud://env.b/live/evidence/1.pdf', fileName: '报关单.pdf' }],
}

test('the input: China time, trimmed text, blank product rows and empty optional fields left out', () => {
  expect(toLiveInput(filled)).toEqual({
    title: '牧场直播',
    host: { name: '阿敏' },
    scene: 'ranch',
    startAt: '2026-12-01T20:00:00+08:00',
    products: [{ name: 'A2 奶粉' }],
    evidence: [{ kind: 'customs', title: '报关单', fileID: 'cloud://env.b/live/evidence/1.pdf' }],
  })
  expect(chinaParts('2026-12-01T12:00:00.000Z')).toEqual({ date: '2026-12-01', time: '20:00' })
})

test('what to fix, by field and by row; untouched pickers and a past start get a plain word', () => {
  const checked = checkLive({ ...EMPTY_LIVE_DRAFT, products: [{ name: '', chainId: 'c1' }], evidence: [{ kind: 'other', title: '', fileID: '', fileName: '' }] }, NOW)
  expect(checked.errors).toMatchObject({
    title: '标题：请填写直播标题',
    'host.name': '主播：请填写主播名字',
    scene: '场景：请选择直播场景',
    startAt: '开播时间：请选择开播日期',
    'products.0': '商品：请填写商品名',
    'evidence.0': '证据：请填写证据标题',
  })
  expect(checkLive({ ...filled, date: '2026-11-28', time: '09:00' }, NOW).errors).toEqual({ startAt: '开播时间：应晚于现在' })
  expect(checkLive(filled, NOW).input?.title).toBe('牧场直播')
  expect(errorKey(['host', 'intro'])).toBe('host.intro')
  expect(fieldOfMessage('开播时间：最多提前 180 天预告')).toBe('startAt')
  expect(fieldOfMessage('内容含有不适宜的信息')).toBeUndefined()
})

const live: LiveView = {
  id: 'l1', title: '牧场直播', host: { name: '阿敏', intro: '买手' }, scene: 'ranch', sceneLabel: '牧场', startAt: '2026-11-20T12:00:00.000Z', phase: 'finished',
  products: [{ name: 'A2 奶粉', priceFen: null, remaining: null }], coverFileID: 'cloud://env.b/c.jpg', evidence: [], targetTags: ['0-6月', '孕期'], finderUserName: 'sphABC', remindable: false,
}

test('an edit sends only what changed; a removed cover or Channels account is sent as null; a past start it keeps is fine', () => {
  const draft = draftFromLive(live)
  expect(changesOf(live, toLiveInput(draft))).toEqual({})
  expect(checkLive(draft, NOW, live).errors).toBeUndefined()
  const edited = { ...draft, title: '牧场直播（回放）', coverFileID: '', finderUserName: '', targetTags: ['孕期', '0-6月'], evidence: [{ kind: 'quality' as const, title: '质检报告', fileID: '', fileName: '' }] }
  expect(changesOf(live, toLiveInput(edited))).toEqual({ title: '牧场直播（回放）', coverFileID: null, finderUserName: null, evidence: [{ kind: 'quality', title: '质检报告' }] })
  // moving a past live's start into the past again is refused
  expect(checkLive({ ...draft, time: '21:00' }, NOW, live).errors).toEqual({ startAt: '开播时间：应晚于现在' })
})
