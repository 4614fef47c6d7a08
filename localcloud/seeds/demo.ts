// Demo data for `npm start`: one record per development identity (see identities.ts) and a few
// applicants waiting for review. Fixed _ids: the seed runs on every start and must not duplicate.
import type { Store } from '../store'

const DAY = 86400_000

/** A birth date `monthsAgo` whole months back, mid-month, so the age shown does not flip with the hour. */
function birthDate(monthsAgo: number): string {
  const d = new Date(Date.now() - (monthsAgo + 0.4) * 30.44 * DAY)
  return d.toISOString().slice(0, 10)
}

export default function seed(store: Store): void {
  if (store.get('members', 'demo-mother')) return // seeded before: keep what the demo user changed
  const now = Date.now()
  const member = (openid: string, fields: Record<string, unknown>) =>
    store.put('members', { _id: openid, status: 'member', roles: [], tags: [], autoTags: [], manualTags: [], appliedAt: new Date(now - 30 * DAY), ...fields })

  member('demo-mother', {
    nickname: '小雨妈妈', babyBirthDate: birthDate(7), needs: ['过敏体质', '辅食添加'], city: '杭州', phone: '13812345678', privacyConsent: 'v1',
    tags: ['6-12月', '辅食添加期', '过敏体质宝宝', '体验官候选'], autoTags: ['6-12月', '辅食添加期', '过敏体质宝宝'], manualTags: ['体验官候选'],
  })
  // two more mothers, so the growth diaries come from different families
  member('demo-mother-2', { nickname: '乐乐妈妈', babyBirthDate: birthDate(11), needs: ['辅食添加'], city: '宁波', tags: ['6-12月', '辅食添加期'], autoTags: ['6-12月', '辅食添加期'] })
  member('demo-mother-3', { nickname: '糖糖妈妈', babyBirthDate: birthDate(12.5), needs: [], city: '杭州', tags: ['1-3岁'], autoTags: ['1-3岁'] })
  member('demo-leader', { nickname: '阿敏团长', roles: ['leader'], babyBirthDate: birthDate(20), tags: ['1-3岁'], autoTags: ['1-3岁'] })
  member('demo-cs', { nickname: '客服小周', roles: ['cs'] })
  member('demo-admin', { nickname: '管理员', roles: ['admin'] })
  // the admin set every role change reads and writes with the roles (docs/DATA.md, settings/admins)
  store.put('settings', { _id: 'admins', openids: ['demo-admin'] })
  // names of the tags leaders typed (member.tagsInUse counts them on the tags index)
  store.put('settings', { _id: 'tagNames', manual: ['体验官候选'] })
  const applicant = (openid: string, daysAgo: number, fields: Record<string, unknown>) =>
    store.put('members', { _id: openid, status: 'pending', roles: [], tags: [], autoTags: [], manualTags: [], appliedAt: new Date(now - daysAgo * DAY), privacyConsent: 'v1', ...fields })
  applicant('demo-pending', 1, { nickname: '豆豆妈妈', babyBirthDate: birthDate(3), needs: ['敏感肌'], city: '上海', phone: '13912340001', tags: ['0-6月', '敏感肌宝宝妈妈'], autoTags: ['0-6月', '敏感肌宝宝妈妈'] })
  applicant('demo-applicant-2', 2, { nickname: '果果妈', babyBirthDate: birthDate(-2), needs: ['其它：孕期营养'], city: '南京', phone: '13712340002', tags: ['孕期'], autoTags: ['孕期'] })
  seedContent(store, now)
  applicant('demo-applicant-3', 3, { nickname: '安安妈妈', babyBirthDate: birthDate(14), needs: ['早产'], city: '苏州', tags: ['1-3岁', '早产宝宝'], autoTags: ['1-3岁', '早产宝宝'] })
}

/** A few days of the community's daily value, so the demo feed, Q&A and contest are not empty. */
function seedContent(store: Store, now: number): void {
  const post = (id: string, hoursAgo: number, fields: Record<string, unknown>) =>
    store.put('posts', { _id: id, targetTags: [], targeted: false, authorOpenid: 'demo-leader', authorName: '阿敏团长', publishedAt: new Date(now - hoursAgo * 3600_000), ...fields })
  post('demo-post-1', 2, { kind: 'tip', title: '辅食第一口吃什么？', body: '6 个月起先添加强化铁的米粉，从稀到稠、从少到多。每次只加一种新食物，观察 3 天没有过敏再加下一种。' })
  post('demo-post-2', 26, {
    kind: 'expert', title: '宝宝湿疹的日常护理', body: '保湿是关键：洗澡水温 37℃ 左右、时间不超过 10 分钟，洗完 3 分钟内全身涂保湿霜。反复发作请及时就医。',
    targetTags: ['敏感肌宝宝妈妈', '过敏体质宝宝'], targeted: true,
  })
  post('demo-post-3', 50, { kind: 'tip', title: '奶粉冲调的三个误区', body: '先放水再放粉；水温按罐上说明，一般 40–50℃；不要摇出大量气泡，轻轻转圈溶解即可。' })
  store.put('questions', {
    _id: 'demo-question-1', question: '宝宝 7 个月了，可以吃蛋黄吗？', askedBy: 'demo-mother', askedAt: new Date(now - 30 * 3600_000),
    answered: true, answer: '可以。先从 1/8 个蛋黄开始，观察 3 天无过敏再逐渐加量；过敏体质宝宝建议推迟并咨询医生。',
    answeredBy: 'demo-leader', answeredByName: '阿敏团长', answeredAt: new Date(now - 20 * 3600_000),
  })
  store.put('contests', { _id: 'demo-contest-1', title: '宝宝的第一次', theme: '晒出宝宝第一次翻身、第一颗牙、第一口辅食，点赞最多的三位妈妈送体验装', deadline: new Date(now + 7 * DAY), createdBy: 'demo-leader', createdAt: new Date(now - DAY) })
}
