// Every text field of every action schema refuses control characters (one shared primitive). For
// each action a full valid sample; each string in it, in turn, gets a NUL (and an ESC) inserted.
import type { z } from 'zod'
import { contentSchemas } from '../../domain/schemas/content'
import { liveSchemas } from '../../domain/schemas/live'
import { memberSchemas } from '../../domain/schemas/member'
import { traceSchemas } from '../../domain/schemas/trace'

const SCHEMAS: Record<string, z.ZodType> = {
  ...Object.fromEntries(Object.entries(memberSchemas).map(([k, v]) => [`member.${k}`, v])),
  ...Object.fromEntries(Object.entries(contentSchemas).map(([k, v]) => [`content.${k}`, v])),
  ...Object.fromEntries(Object.entries(liveSchemas).map(([k, v]) => [`live.${k}`, v])),
  ...Object.fromEntries(Object.entries(traceSchemas).map(([k, v]) => [`trace.${k}`, v])),
}

const LIVE = {
  title: '牧场直播', host: { name: '王团长', photoFileID: 'cloud://env.b/h.jpg', intro: '买手' }, scene: 'ranch', startAt: '2026-12-01T20:00:00+08:00',
  products: [{ name: 'A2', chainId: 'c1' }], coverFileID: 'cloud://env.b/c.jpg', evidence: [{ kind: 'customs', title: '报关单', fileID: 'cloud://env.b/e.pdf' }],
  targetTags: ['0-6月'], finderUserName: 'sphABC123',
}

const SAMPLES: Record<string, Record<string, unknown>> = {
  'member.me': {},
  'member.landing': {},
  'member.export': {},
  'member.exportFiles': {},
  'member.tagsInUse': {},
  'member.apply': { babyBirthDate: '2026-03-01', needs: ['辅食添加'], nickname: '小雨妈妈', phone: '13812341234', phoneCode: 'code-123', city: '杭州', privacyConsent: 'v1' },
  'member.review': { openid: 'o-1', decision: 'approve', note: '欢迎', tags: ['种子用户'] },
  'member.pending': { page: 1, pageSize: 20 },
  'member.list': { status: 'member', tag: '0-6月', keyword: '小雨', page: 1, pageSize: 20 },
  'member.tag': { openid: 'o-1', add: ['爱分享'], remove: ['旧标签'] },
  'member.setRoles': { openid: 'o-1', roles: ['leader'] },
  'member.deleteAccount': { confirm: '注销' },
  'content.publishPost': { title: '补钙', body: '第一行\n第二行', kind: 'tip', targetTags: ['0-6月'], coverFileID: 'cloud://env.b/c.jpg', requestId: 'req-12345678' },
  'content.feed': { page: 1, pageSize: 10 },
  'content.ask': { question: '宝宝湿疹怎么办？', requestId: 'req-12345678' },
  'content.answer': { id: 'q1', answer: '先保湿\n再观察' },
  'content.questions': { page: 1, pageSize: 10, mine: true },
  'content.unanswered': { page: 1, pageSize: 10 },
  'content.postDiary': { text: '第一次翻身', photoFileID: 'cloud://env.b/p.jpg', contestId: 'c1', requestId: 'req-12345678' },
  'content.like': { id: 'd1' },
  'content.diaries': { page: 1, pageSize: 10, contestId: 'c1' },
  'content.createContest': { title: '第一次', theme: '晒第一次', deadline: '2026-12-01T20:00:00+08:00', requestId: 'req-12345678' },
  'content.contests': {},
  'content.ranking': { contestId: 'c1' },
  'content.post': { id: 'p1' },
  'content.editPost': { id: 'p1', title: '补钙', body: '第一行\n第二行', kind: 'expert', targetTags: ['0-6月'], coverFileID: 'cloud://env.b/c.jpg' },
  'content.removePost': { id: 'p1' },
  'content.editQuestion': { id: 'q1', question: '宝宝湿疹怎么办？' },
  'content.deleteQuestion': { id: 'q1' },
  'content.editDiary': { id: 'd1', text: '第一次翻身' },
  'content.deleteDiary': { id: 'd1' },
  'content.closeContest': { contestId: 'c1' },
  'live.create': { ...LIVE, requestId: 'req-12345678' },
  'live.update': { id: 'l1', ...LIVE, replayUrl: 'https://example.com/r', highlights: ['精彩'] },
  'live.cancel': { id: 'l1' },
  'live.finish': { id: 'l1', replayUrl: 'https://example.com/r', highlights: ['精彩'] },
  'live.list': {},
  'live.byStatus': { status: 'cancelled', page: 1, pageSize: 10 },
  'live.get': { id: 'l1' },
  'live.remind': { liveId: 'l1', accepted: ['reminder'], requestId: 'req-12345678' },
  'live.ask': { liveId: 'l1', question: '奶粉怎么冲？', requestId: 'req-12345678' },
  'live.qa': { liveId: 'l1', page: 1, pageSize: 10 },
  'live.questions': { liveId: 'l1', state: 'new', page: 1, pageSize: 10 },
  'live.curate': { id: 'q1', to: 'answered', answer: '先放水\n再放粉' },
  'trace.importCodes': {
    batchNo: 'B1', product: '奶粉', producedAt: '2026-10-01', expiresAt: '2028-09-30', customsNo: '123', qualityReportFileID: 'cloud://env.b/q.pdf',
    codes: ['AAA111'], requestId: 'req-12345678',
  },
  'trace.lookup': { code: 'AAA111' },
}

type Path = (string | number)[]

function stringPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path]
  if (Array.isArray(value)) return value.flatMap((v, i) => stringPaths(v, [...path, i]))
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringPaths(v, [...path, k]))
  return []
}

function withValue(sample: Record<string, unknown>, path: Path, value: string): Record<string, unknown> {
  const copy = structuredClone(sample)
  let at: Record<string | number, unknown> = copy
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
  at[path[path.length - 1]] = value
  return copy
}

test('every action has a full sample, and every sample is valid', () => {
  expect(Object.keys(SAMPLES).sort()).toEqual(Object.keys(SCHEMAS).sort())
  for (const [name, schema] of Object.entries(SCHEMAS)) expect([name, schema.safeParse(SAMPLES[name]).success]).toEqual([name, true])
})

test.each(Object.keys(SAMPLES))('%s: a control character in any text field is refused at that field', (name) => {
  const sample = SAMPLES[name]
  for (const path of stringPaths(sample)) {
    const original = path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], sample) as string
    for (const bad of ['\u0000', '\u001b', '\u007f']) {
      const res = SCHEMAS[name].safeParse(withValue(sample, path, `${original.slice(0, 1)}${bad}${original.slice(1)}`))
      expect([name, path.join('.'), JSON.stringify(bad), res.success]).toEqual([name, path.join('.'), JSON.stringify(bad), false])
      if (!res.success) expect(res.error.issues.map((i) => i.path.join('.'))).toContain(path.join('.'))
    }
  }
})

test('multi-line texts keep their line breaks', () => {
  expect(contentSchemas.publishPost.safeParse(SAMPLES['content.publishPost']).success).toBe(true)
  expect(contentSchemas.answer.parse(SAMPLES['content.answer']).answer).toBe('先保湿\n再观察')
})
