// Demo data for `npm start`: one record per development identity (see identities.ts) and a few
// applicants waiting for review. Fixed _ids: the seed runs on every start and must not duplicate.
import type { Store } from '../store'

const DAY = 86400_000

function birthDate(monthsAgo: number): string {
  const d = new Date(Date.now() - monthsAgo * 30.5 * DAY)
  return d.toISOString().slice(0, 10)
}

export default function seed(store: Store): void {
  if (store.get('members', 'demo-mother')) return // seeded before: keep what the demo user changed
  const now = Date.now()
  const member = (openid: string, fields: Record<string, unknown>) =>
    store.put('members', { _id: openid, status: 'member', roles: [], tags: [], autoTags: [], manualTags: [], appliedAt: new Date(now - 30 * DAY), ...fields })

  member('demo-mother', {
    nickname: '小雨妈妈', babyBirthDate: birthDate(7), needs: ['过敏体质', '辅食添加'], city: '杭州', phone: '13812345678',
    tags: ['6-12月', '辅食添加期', '过敏体质宝宝'], autoTags: ['6-12月', '辅食添加期', '过敏体质宝宝'],
  })
  member('demo-leader', { nickname: '阿敏团长', roles: ['leader'], babyBirthDate: birthDate(20), tags: ['1-3岁'], autoTags: ['1-3岁'] })
  member('demo-cs', { nickname: '客服小周', roles: ['cs'] })
  member('demo-admin', { nickname: '管理员', roles: ['admin'] })
  const applicant = (openid: string, daysAgo: number, fields: Record<string, unknown>) =>
    store.put('members', { _id: openid, status: 'pending', roles: [], tags: [], autoTags: [], manualTags: [], appliedAt: new Date(now - daysAgo * DAY), privacyConsent: 'v1', ...fields })
  applicant('demo-pending', 1, { nickname: '豆豆妈妈', babyBirthDate: birthDate(3), needs: ['敏感肌'], city: '上海', phone: '13912340001', tags: ['0-6月', '敏感肌宝宝妈妈'], autoTags: ['0-6月', '敏感肌宝宝妈妈'] })
  applicant('demo-applicant-2', 2, { nickname: '果果妈', babyBirthDate: birthDate(-2), needs: ['其它：孕期营养'], city: '南京', phone: '13712340002', tags: ['孕期'], autoTags: ['孕期'] })
  applicant('demo-applicant-3', 3, { nickname: '安安妈妈', babyBirthDate: birthDate(14), needs: ['早产'], city: '苏州', tags: ['1-3岁', '早产宝宝'], autoTags: ['1-3岁', '早产宝宝'] })
}
