import { evidenceGroups, evidenceImages, evidenceOpen, isAskable, isOver, yuan } from '../../domain/live-display'
import { countdownText, countdownTick, startDate, startLabel } from '../../domain/live-time'
import type { Evidence } from '../../domain/live'
import { codeFromScan, codeInputProblem, queryHistory, traceVerdict } from '../../domain/trace-display'

const SEC = 1000
const MIN = 60 * SEC
const HOUR = 60 * MIN
const DAY = 24 * HOUR

describe('countdown', () => {
  const start = new Date('2026-12-01T12:00:00Z')
  const before = (ms: number) => new Date(start.getTime() - ms)

  test('days and hours a day or more ahead', () => {
    expect(countdownText(start, before(2 * DAY + 3 * HOUR + 59 * MIN))).toBe('2天3小时')
    expect(countdownText(start, before(DAY))).toBe('1天0小时')
  })

  test('hours and minutes within a day, minutes padded', () => {
    expect(countdownText(start, before(DAY - 1))).toBe('23小时59分')
    expect(countdownText(start, before(5 * HOUR + 7 * MIN + 30 * SEC))).toBe('5小时07分')
    expect(countdownText(start, before(HOUR))).toBe('1小时00分')
  })

  test('minutes and seconds in the last hour', () => {
    expect(countdownText(start, before(HOUR - 1))).toBe('59分59秒')
    expect(countdownText(start, before(12 * MIN + 5 * SEC))).toBe('12分05秒')
    expect(countdownText(start, before(SEC))).toBe('00分01秒')
  })

  test('nothing once the live has begun', () => {
    expect(countdownText(start, start)).toBe('')
    expect(countdownText(start, before(-MIN))).toBe('')
  })

  test('accepts ISO strings as the function answers them', () => {
    expect(countdownText('2026-12-01T12:00:00.000Z', '2026-12-01T11:00:00.000Z')).toBe('1小时00分')
  })

  test('redrawn every second in the last hour, every half minute before', () => {
    expect(countdownTick(start, before(HOUR))).toBe(SEC)
    expect(countdownTick(start, before(HOUR + 1))).toBe(30 * SEC)
  })
})

describe('start label, in China time', () => {
  // 2026-11-30 23:30 in China
  const now = new Date('2026-11-30T15:30:00Z')

  test('today, tomorrow and the day after by the China calendar, not UTC', () => {
    // 2026-11-30 23:50 China: still today
    expect(startLabel('2026-11-30T15:50:00Z', now)).toBe('今天 23:50')
    // 2026-12-01 00:10 China (still 11-30 in UTC): tomorrow
    expect(startLabel('2026-11-30T16:10:00Z', now)).toBe('明天 00:10')
    expect(startLabel('2026-12-01T12:00:00Z', now)).toBe('明天 20:00')
    expect(startLabel('2026-12-02T12:00:00Z', now)).toBe('后天 20:00')
    expect(startLabel('2026-11-29T12:00:00Z', now)).toBe('昨天 20:00')
  })

  test('a shared card names the date itself: "tomorrow" would be wrong by the time it is read', () => {
    expect(startDate('2026-11-30T16:10:00Z')).toBe('12月1日 00:10')
    expect(startDate('2027-01-03T12:00:00Z')).toBe('1月3日 20:00')
  })

  test('a date further off, with the year when it differs', () => {
    expect(startLabel('2026-12-05T02:05:00Z', now)).toBe('12月5日 10:05')
    expect(startLabel('2027-01-03T12:00:00Z', now)).toBe('2027年1月3日 20:00')
  })
})

test('phases: questions before and on air, the replay once over', () => {
  expect(['upcoming', 'onAir', 'ended', 'finished', 'cancelled'].filter((p) => isAskable(p as never))).toEqual(['upcoming', 'onAir'])
  expect(['upcoming', 'onAir', 'ended', 'finished', 'cancelled'].filter((p) => isOver(p as never))).toEqual(['ended', 'finished'])
})

describe('evidence', () => {
  const evidence: Evidence[] = [
    { kind: 'other', title: '仓库实拍', fileID: 'cloud://env.b/live/warehouse.JPG' },
    { kind: 'quality', title: '质检报告', fileID: 'cloud://env.b/live/quality.pdf' },
    { kind: 'customs', title: '报关单', fileID: 'cloud://env.b/live/customs.png' },
    { kind: 'customs', title: '报关单号见批次' },
    { kind: 'quality', title: '质检报告首页', fileID: 'cloud://env.b/live/quality-p1.jpeg' },
  ]

  test('a photo opens full size, a PDF or other file as a document, a title alone opens nothing', () => {
    expect(evidence.map(evidenceOpen)).toEqual(['image', 'document', 'image', 'note', 'image'])
    expect(evidenceOpen({ fileID: 'cloud://env.b/a/report.docx' })).toBe('document')
    expect(evidenceOpen({ fileID: 'cloud://env.b/a/scan.webp' })).toBe('image')
  })

  test('grouped by kind in the fixed order, empty kinds left out, order within a kind kept', () => {
    const groups = evidenceGroups(evidence)
    expect(groups.map((g) => g.label)).toEqual(['报关单', '质检报告', '其他'])
    expect(groups[0].items.map((e) => e.title)).toEqual(['报关单', '报关单号见批次'])
    expect(groups[1].items.map((e) => e.title)).toEqual(['质检报告', '质检报告首页'])
    expect(evidenceGroups([])).toEqual([])
  })

  test('the full-size preview swipes through the images in gallery order', () => {
    expect(evidenceImages(evidence)).toEqual(['cloud://env.b/live/customs.png', 'cloud://env.b/live/quality-p1.jpeg', 'cloud://env.b/live/warehouse.JPG'])
  })
})

test('prices in yuan from fen', () => {
  expect(yuan(12800)).toBe('¥128')
  expect(yuan(12850)).toBe('¥128.50')
  expect(yuan(5)).toBe('¥0.05')
  expect(yuan(0)).toBe('¥0')
})

describe('trace lookup display', () => {
  test('a scanned link gives its code; a bare code is upper-cased and trimmed', () => {
    expect(codeFromScan('https://qinqin.example/t?code=qq-2611-0001&from=can')).toBe('QQ-2611-0001')
    expect(codeFromScan('https://qinqin.example/t?c=QQ%2D2611%2D0002')).toBe('QQ-2611-0002')
    expect(codeFromScan('  qq-2611-0003 \n')).toBe('QQ-2611-0003')
    expect(codeFromScan('6901234567892')).toBe('6901234567892')
  })

  test('what she typed must look like a can code before anything is looked up', () => {
    expect(codeInputProblem('')).toBe('请输入罐底的溯源码')
    expect(codeInputProblem('   ')).toBe('请输入罐底的溯源码')
    expect(codeInputProblem('QQ-1')).toMatch(/6–40 位/)
    expect(codeInputProblem('QQ 2611 0001')).toMatch(/6–40 位/)
    expect(codeInputProblem('A'.repeat(41))).toMatch(/6–40 位/)
    expect(codeInputProblem(' qq-2611-0001 ')).toBeUndefined()
  })

  test('verdict: genuine, unknown, or suspicious when many people looked it up', () => {
    expect(traceVerdict({ found: true })).toBe('genuine')
    expect(traceVerdict({ found: false, warning: { kind: 'unknown', message: '' } })).toBe('unknown')
    expect(traceVerdict({ found: false })).toBe('unknown')
    expect(traceVerdict({ found: true, warning: { kind: 'manyQueriers', message: '' } })).toBe('suspicious')
  })

  test('the lookup history in words, China time', () => {
    expect(queryHistory({ queryCount: 1, firstQueriedAt: '2026-11-30T12:00:00.000Z' })).toBe('这是该溯源码的第 1 次查询')
    expect(queryHistory({ queryCount: 3, firstQueriedAt: '2026-11-30T12:05:00.000Z' })).toBe('该溯源码已被查询 3 次，首次查询于 2026-11-30 20:05')
    expect(queryHistory({ queryCount: 0, firstQueriedAt: null })).toBe('这是该溯源码的第 1 次查询')
  })
})
