// "导出我的数据", readable: one self-contained Chinese page built from the same data as the JSON
// export. Pure: the function hands in her data and the temporary photo links; no I/O here.
import { ROLE_LABELS, STATUS_LABELS } from './labels'
import { tagLabel, type MemberRecord } from './member'
import type { Role } from './roles'
import { describeAge, stageOf } from './stage'
import { TAG_RULES } from './tags'

type When = Date | string | undefined | null
type Doc = Record<string, unknown>

export interface SummaryInput {
  exportedAt: Date
  /** the photo links (and the page's own link) stop working then */
  linksValidUntil: Date
  profile: MemberRecord | null
  /** everything else we keep about her, by collection (as in the JSON export) */
  content: Record<string, Doc[]>
  /** diary photo fileID → temporary URL; a photo missing here is listed without a link */
  photoUrls: ReadonlyMap<string, string>
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Everything she or anyone else typed goes through here before it reaches the page. */
export function escapeHtml(text: unknown): string {
  return String(text ?? '').replace(/[&<>"']/g, (c) => ESCAPES[c])
}

/** "2026年11月28日 10:05" in China time, whatever the server's zone. */
export function chinaDateTime(at: When): string {
  if (!at) return '—'
  const d = new Date(new Date(at).getTime() + 8 * 3600_000)
  if (Number.isNaN(d.getTime())) return '—'
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日 ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`
}

/** Why she carries a tag, in a mother's words. */
export function tagReason(tag: string, record: Pick<MemberRecord, 'autoTags' | 'manualTags'>): string {
  if ((record.autoTags ?? []).includes(tag)) {
    const reasons = TAG_RULES.filter((r) => r.tag === tag).map((r) => r.because)
    return `系统自动：${Array.from(new Set(reasons)).join('；')}`
  }
  return (record.manualTags ?? []).includes(tag) ? '团长添加' : '—'
}

const row = (label: string, value: string) => `<tr><th>${escapeHtml(label)}</th><td>${value}</td></tr>`
const section = (title: string, body: string) => `<section><h2>${escapeHtml(title)}</h2>${body}</section>`
const empty = (text: string) => `<p class="empty">${escapeHtml(text)}</p>`

function profileSection(p: MemberRecord | null, now: Date): string {
  if (!p) return section('我的资料', empty('我们没有保存你的资料。'))
  const rows = [
    row('昵称', escapeHtml(p.nickname ?? '—')),
    row('宝宝生日（预产期）', escapeHtml(p.babyBirthDate ?? '—')),
    row('宝宝月龄 / 阶段', p.babyBirthDate ? `${escapeHtml(describeAge(p.babyBirthDate, now))} · ${escapeHtml(stageOf(p.babyBirthDate, now).label)}` : '—'),
    row('城市', escapeHtml(p.city ?? '—')),
    row('手机号', escapeHtml(p.phone ?? '未填写')),
    row('关注的需求', escapeHtml((p.needs ?? []).join('、') || '—')),
    row('会员状态', escapeHtml(STATUS_LABELS[p.status] ?? p.status)),
    row('申请时间', escapeHtml(chinaDateTime(p.appliedAt))),
  ]
  if (p.status === 'member') rows.push(row('加入时间（审核通过）', escapeHtml(chinaDateTime(p.reviewedAt ?? p.appliedAt))))
  if (p.reviewNote) rows.push(row('审核备注', escapeHtml(p.reviewNote)))
  if ((p.roles ?? []).length) rows.push(row('社群角色', escapeHtml(p.roles.map((r: Role) => ROLE_LABELS[r] ?? r).join('、'))))
  const tags = (p.tags ?? []).length
    ? `<table class="list"><tr><th>标签</th><th>来由</th></tr>${p.tags
        .map((t) => `<tr><td>${escapeHtml(tagLabel(t))}</td><td>${escapeHtml(tagReason(t, p))}</td></tr>`)
        .join('')}</table>`
    : empty('你目前没有标签。')
  return section('我的资料', `<table>${rows.join('')}</table><h3>我的标签</h3>${tags}`)
}

function consentSection(p: MemberRecord | null): string {
  const items: string[] = []
  if (p?.privacyConsent) items.push(`<li>同意《亲亲宝贝隐私说明》（版本 ${escapeHtml(p.privacyConsent)}），时间：${escapeHtml(chinaDateTime(p.appliedAt))}</li>`)
  if (p?.phone) items.push('<li>提供手机号，用于接龙发货与回访联系</li>')
  return section('我给出的授权', items.length ? `<ul>${items.join('')}</ul>` : empty('没有记录到你的授权。'))
}

function questionsSection(questions: Doc[]): string {
  const mine = questions.filter((q) => q.askedAt !== undefined)
  if (mine.length === 0) return section('我的提问与回答', empty('你还没有提过问题。'))
  const items = mine.map((q) => {
    const answer = q.answered && q.answer ? `<p class="answer">答：${escapeHtml(q.answer)}<span class="when">（${escapeHtml(chinaDateTime(q.answeredAt as When))}）</span></p>` : '<p class="answer pending">还在等待专家回答</p>'
    return `<li><p>问：${escapeHtml(q.question)}<span class="when">（${escapeHtml(chinaDateTime(q.askedAt as When))}）</span></p>${answer}</li>`
  })
  return section('我的提问与回答', `<ol>${items.join('')}</ol>`)
}

function diariesSection(diaries: Doc[], photoUrls: ReadonlyMap<string, string>, validUntil: string): string {
  if (diaries.length === 0) return section('我的成长日记', empty('你还没有发过日记。'))
  const items = diaries.map((d) => {
    const url = typeof d.photoFileID === 'string' ? photoUrls.get(d.photoFileID) : undefined
    const photo = url ? `<a href="${escapeHtml(url)}" target="_blank" rel="noopener">查看照片</a>` : d.photoFileID ? '（照片已不在云存储中）' : ''
    return `<li><p>${escapeHtml(d.text)}</p><p class="meta">${escapeHtml(chinaDateTime(d.createdAt as When))} · ${Number(d.likeCount ?? 0)} 个赞 ${photo}</p></li>`
  })
  return section('我的成长日记', `<p class="note">照片链接有效至 ${escapeHtml(validUntil)}，过期后请重新导出。</p><ol>${items.join('')}</ol>`)
}

function likesSection(likes: Doc[]): string {
  if (likes.length === 0) return section('我点过的赞', empty('你还没有给日记点过赞。'))
  const items = likes.map((l) => `<li>${escapeHtml(chinaDateTime(l.createdAt as When))} 给一条成长日记点了赞</li>`)
  return section('我点过的赞', `<p>共 ${likes.length} 个。</p><ul>${items.join('')}</ul>`)
}

/** What she did as staff: posts, contests, answers, reviews. Absent for most mothers. */
function staffSection(content: Record<string, Doc[]>): string {
  const posts = content.posts ?? []
  const contests = content.contests ?? []
  const answered = (content.questions ?? []).filter((q) => q.askedAt === undefined)
  const reviews = content.members ?? []
  if (posts.length + contests.length + answered.length + reviews.length === 0) return ''
  const lines: string[] = []
  for (const p of posts) lines.push(`<li>发布文章《${escapeHtml(p.title)}》（${escapeHtml(chinaDateTime(p.publishedAt as When))}）</li>`)
  for (const c of contests) lines.push(`<li>发起晒娃活动「${escapeHtml(c.title)}」（${escapeHtml(chinaDateTime(c.createdAt as When))}）</li>`)
  for (const q of answered) lines.push(`<li>回答提问「${escapeHtml(q.question)}」（${escapeHtml(chinaDateTime(q.answeredAt as When))}）</li>`)
  if (reviews.length) lines.push(`<li>审核入群申请 ${reviews.length} 份</li>`)
  return section('我作为工作人员的记录', `<ul>${lines.join('')}</ul>`)
}

const STYLE = `
body{margin:0;background:#fff8f5;color:#3a2e2a;font:16px/1.7 -apple-system,"PingFang SC","Noto Sans CJK SC","Microsoft YaHei",sans-serif}
main{max-width:720px;margin:0 auto;padding:24px 16px 48px}
h1{font-size:24px;color:#e8618c;margin:0 0 4px}h2{font-size:19px;border-left:4px solid #e8618c;padding-left:10px;margin:28px 0 12px}h3{font-size:16px;margin:18px 0 8px}
section{background:#fff;border-radius:12px;padding:4px 16px 12px;margin-top:16px;box-shadow:0 1px 4px rgba(0,0,0,.05)}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:6px 8px;border-bottom:1px solid #f3e5e0}th{width:40%;color:#8a7670;font-weight:normal}
table.list th{width:auto}.when,.meta,.note,.empty{color:#8a7670;font-size:14px}.answer{color:#4a7a5a}.pending{color:#b07a2a}
a{color:#e8618c}li{margin-bottom:10px}li p{margin:0}footer{color:#8a7670;font-size:13px;margin-top:24px}`

/** The readable page: headings in Chinese, every stored value escaped, nothing loaded from elsewhere. */
export function renderSummaryHtml(input: SummaryInput): string {
  const { profile, content, exportedAt } = input
  const validUntil = chinaDateTime(input.linksValidUntil)
  const name = profile?.nickname ? `${profile.nickname} 的` : '我的'
  const body = [
    `<h1>${escapeHtml(name)}亲亲宝贝数据</h1>`,
    `<p class="note">导出时间：${escapeHtml(chinaDateTime(exportedAt))}。这是我们保存的关于你的全部信息；完整的原始数据在同时导出的 data.json 文件中。</p>`,
    profileSection(profile, exportedAt),
    consentSection(profile),
    questionsSection(content.questions ?? []),
    diariesSection(content.diaries ?? [], input.photoUrls, validUntil),
    likesSection(content.likes ?? []),
    staffSection(content),
    `<footer>本页面和其中的照片链接有效至 ${escapeHtml(validUntil)}（平台临时链接的最长期限）。如需再次查看，请在小程序“我的 → 我的数据”中重新导出。</footer>`,
  ]
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(name)}亲亲宝贝数据</title><style>${STYLE}</style></head><body><main>${body.join('')}</main></body></html>`
}
