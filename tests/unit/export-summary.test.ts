import { chinaDateTime, escapeHtml, renderSummaryHtml, tagReason, type SummaryInput } from '../../domain/export-summary'
import type { MemberRecord } from '../../domain/member'

const EXPORTED = new Date('2026-11-28T02:05:00Z') // 10:05 in China
const UNTIL = new Date('2026-11-29T02:05:00Z')

const mother: MemberRecord = {
  _id: 'o-me',
  status: 'member',
  roles: [],
  tags: ['6-12月', '辅食添加期', '爱分享'],
  autoTags: ['6-12月', '辅食添加期'],
  manualTags: ['爱分享'],
  nickname: '小雨<妈妈>',
  babyBirthDate: '2026-04-20',
  needs: ['辅食添加', '过敏体质'],
  phone: '13812345678',
  city: '杭州',
  privacyConsent: 'v1',
  appliedAt: new Date('2026-09-30T16:00:00Z'),
  reviewedAt: new Date('2026-10-01T02:00:00Z'),
  reviewNote: '欢迎 & 加入',
}

const render = (over: Partial<SummaryInput> = {}) =>
  renderSummaryHtml({ exportedAt: EXPORTED, linksValidUntil: UNTIL, profile: mother, content: {}, photoUrls: new Map(), ...over })

describe('escapeHtml and chinaDateTime', () => {
  test('every markup character is escaped; nothing else changes; null and undefined are empty', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;')
    expect(escapeHtml('妈妈 1/8')).toBe('妈妈 1/8')
    expect(escapeHtml(null)).toBe('')
    expect(escapeHtml(undefined)).toBe('')
    expect(escapeHtml(0)).toBe('0')
  })

  test('China time, zero-padded, whatever the input form; a missing or bad time is a dash', () => {
    expect(chinaDateTime(new Date('2026-01-02T16:04:00Z'))).toBe('2026年1月3日 00:04')
    expect(chinaDateTime('2026-11-28T02:05:59Z')).toBe('2026年11月28日 10:05')
    expect(chinaDateTime('2026-12-31T15:59:00Z')).toBe('2026年12月31日 23:59')
    expect(chinaDateTime(undefined)).toBe('—')
    expect(chinaDateTime(null)).toBe('—')
    expect(chinaDateTime('')).toBe('—')
    expect(chinaDateTime('not a date')).toBe('—')
  })
})

describe('tagReason', () => {
  test('an automatic tag gives every distinct reason of its rules, joined', () => {
    expect(tagReason('辅食添加期', { autoTags: ['辅食添加期'] })).toBe('系统自动：6–12 个月开始添加辅食；申请时关注辅食添加；购买过辅食类商品')
    expect(tagReason('6-12月', { autoTags: ['6-12月'], manualTags: ['6-12月'] })).toBe('系统自动：宝宝 6–12 个月')
  })

  test('a manual tag was added by a leader; anything else has no reason', () => {
    expect(tagReason('爱分享', { autoTags: ['6-12月'], manualTags: ['爱分享'] })).toBe('团长添加')
    expect(tagReason('爱分享', {})).toBe('—')
    expect(tagReason('爱分享', { autoTags: [], manualTags: [] })).toBe('—')
  })
})

describe('renderSummaryHtml', () => {
  test('a full profile: every row, escaped, with the stage, the join date, the note and the tags with reasons', () => {
    const html = render()
    expect(html.startsWith('<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">')).toBe(true)
    expect(html).toContain('<title>小雨&lt;妈妈&gt; 的亲亲宝贝数据</title>')
    expect(html).toContain('<h1>小雨&lt;妈妈&gt; 的亲亲宝贝数据</h1>')
    expect(html).toContain('<p class="note">导出时间：2026年11月28日 10:05。这是我们保存的关于你的全部信息；完整的原始数据在同时导出的 data.json 文件中。</p>')
    expect(html).toContain(
      '<section><h2>我的资料</h2><table>' +
        '<tr><th>昵称</th><td>小雨&lt;妈妈&gt;</td></tr>' +
        '<tr><th>宝宝生日（预产期）</th><td>2026-04-20</td></tr>' +
        '<tr><th>宝宝月龄 / 阶段</th><td>7 个月 · 6–12 月 辅食添加期</td></tr>' +
        '<tr><th>城市</th><td>杭州</td></tr>' +
        '<tr><th>手机号</th><td>13812345678</td></tr>' +
        '<tr><th>关注的需求</th><td>辅食添加、过敏体质</td></tr>' +
        '<tr><th>会员状态</th><td>正式会员</td></tr>' +
        '<tr><th>申请时间</th><td>2026年10月1日 00:00</td></tr>' +
        '<tr><th>加入时间（审核通过）</th><td>2026年10月1日 10:00</td></tr>' +
        '<tr><th>审核备注</th><td>欢迎 &amp; 加入</td></tr>' +
        '</table><h3>我的标签</h3><table class="list"><tr><th>标签</th><th>来由</th></tr>' +
        '<tr><td>6–12 月 辅食添加期</td><td>系统自动：宝宝 6–12 个月</td></tr>' +
        '<tr><td>辅食添加期</td><td>系统自动：6–12 个月开始添加辅食；申请时关注辅食添加；购买过辅食类商品</td></tr>' +
        '<tr><td>爱分享</td><td>团长添加</td></tr>' +
        '</table></section>',
    )
    expect(html).toContain(
      '<section><h2>我给出的授权</h2><ul><li>同意《亲亲宝贝隐私说明》（版本 v1），时间：2026年10月1日 00:00</li><li>提供手机号，用于接龙发货与回访联系</li></ul></section>',
    )
    expect(html).toContain('<footer>本页面和其中的照片链接有效至 2026年11月29日 10:05（平台临时链接的最长期限）。如需再次查看，请在小程序“我的 → 我的数据”中重新导出。</footer>')
    expect(html.endsWith('</footer></main></body></html>')).toBe(true)
  })

  test('a sparse profile: dashes, no phone, no join row or note, staff roles named, no tags', () => {
    const html = render({
      profile: { _id: 'o-x', status: 'pending', roles: ['leader', 'cs'], tags: [], appliedAt: new Date('2026-11-01T00:00:00Z') },
    })
    expect(html).toContain('<title>我的亲亲宝贝数据</title>')
    expect(html).toContain(
      '<section><h2>我的资料</h2><table>' +
        '<tr><th>昵称</th><td>—</td></tr>' +
        '<tr><th>宝宝生日（预产期）</th><td>—</td></tr>' +
        '<tr><th>宝宝月龄 / 阶段</th><td>—</td></tr>' +
        '<tr><th>城市</th><td>—</td></tr>' +
        '<tr><th>手机号</th><td>未填写</td></tr>' +
        '<tr><th>关注的需求</th><td>—</td></tr>' +
        '<tr><th>会员状态</th><td>审核中</td></tr>' +
        '<tr><th>申请时间</th><td>2026年11月1日 08:00</td></tr>' +
        '<tr><th>社群角色</th><td>团长、客服</td></tr>' +
        '</table><h3>我的标签</h3><p class="empty">你目前没有标签。</p></section>',
    )
    expect(html).toContain('<section><h2>我给出的授权</h2><p class="empty">没有记录到你的授权。</p></section>')
  })

  test('a member reviewed by nobody on record joined when she applied', () => {
    const html = render({ profile: { ...mother, reviewedAt: undefined, reviewNote: undefined } })
    expect(html).toContain('<tr><th>加入时间（审核通过）</th><td>2026年10月1日 00:00</td></tr>')
    expect(html).not.toContain('审核备注')
  })

  test('no profile: said so, and no consent', () => {
    const html = render({ profile: null })
    expect(html).toContain('<section><h2>我的资料</h2><p class="empty">我们没有保存你的资料。</p></section>')
    expect(html).toContain('<section><h2>我给出的授权</h2><p class="empty">没有记录到你的授权。</p></section>')
    expect(html).toContain('<h1>我的亲亲宝贝数据</h1>')
  })

  test('nothing written yet: each section says so, and there is no staff section', () => {
    const html = render()
    expect(html).toContain('<section><h2>我的提问与回答</h2><p class="empty">你还没有提过问题。</p></section>')
    expect(html).toContain('<section><h2>我的成长日记</h2><p class="empty">你还没有发过日记。</p></section>')
    expect(html).toContain('<section><h2>我点过的赞</h2><p class="empty">你还没有给日记点过赞。</p></section>')
    expect(html).not.toContain('我作为工作人员的记录')
  })

  test('her questions, answered or waiting; answers she gave as staff are not hers to list here', () => {
    const html = render({
      content: {
        questions: [
          { question: '几个月吃<蛋黄>？', askedAt: new Date('2026-11-01T01:00:00Z'), answered: true, answer: '八个月 & 以后', answeredAt: new Date('2026-11-02T01:00:00Z') },
          { question: '夜醒怎么办', askedAt: new Date('2026-11-03T01:00:00Z'), answered: false },
          { question: '答了没写', askedAt: new Date('2026-11-04T01:00:00Z'), answered: true },
          { question: '别人问的', answer: '我答的', answeredAt: new Date('2026-11-05T01:00:00Z') },
        ],
      },
    })
    expect(html).toContain(
      '<section><h2>我的提问与回答</h2><ol>' +
        '<li><p>问：几个月吃&lt;蛋黄&gt;？<span class="when">（2026年11月1日 09:00）</span></p><p class="answer">答：八个月 &amp; 以后<span class="when">（2026年11月2日 09:00）</span></p></li>' +
        '<li><p>问：夜醒怎么办<span class="when">（2026年11月3日 09:00）</span></p><p class="answer pending">还在等待专家回答</p></li>' +
        '<li><p>问：答了没写<span class="when">（2026年11月4日 09:00）</span></p><p class="answer pending">还在等待专家回答</p></li>' +
        '</ol></section>',
    )
    expect(html).toContain('<section><h2>我作为工作人员的记录</h2><ul><li>回答提问「别人问的」（2026年11月5日 09:00）</li></ul></section>')
  })

  test('her diaries: linked photo, a photo gone from storage, none at all; likes counted', () => {
    const html = render({
      photoUrls: new Map([['cloud://p/1.png', 'https://x/1.png?a=1&b=2']]),
      content: {
        diaries: [
          { text: '第一颗<牙>', photoFileID: 'cloud://p/1.png', createdAt: new Date('2026-11-01T01:00:00Z'), likeCount: 3 },
          { text: '翻身', photoFileID: 'cloud://p/2.png', createdAt: new Date('2026-11-02T01:00:00Z') },
          { text: '没照片', createdAt: new Date('2026-11-03T01:00:00Z'), likeCount: 1 },
        ],
      },
    })
    expect(html).toContain(
      '<section><h2>我的成长日记</h2><p class="note">照片链接有效至 2026年11月29日 10:05，过期后请重新导出。</p><ol>' +
        '<li><p>第一颗&lt;牙&gt;</p><p class="meta">2026年11月1日 09:00 · 3 个赞 <a href="https://x/1.png?a=1&amp;b=2" target="_blank" rel="noopener">查看照片</a></p></li>' +
        '<li><p>翻身</p><p class="meta">2026年11月2日 09:00 · 0 个赞 （照片已不在云存储中）</p></li>' +
        '<li><p>没照片</p><p class="meta">2026年11月3日 09:00 · 1 个赞 </p></li>' +
        '</ol></section>',
    )
  })

  test('her likes: how many and when', () => {
    const html = render({ content: { likes: [{ createdAt: new Date('2026-11-01T01:00:00Z') }, { createdAt: new Date('2026-11-02T13:30:00Z') }] } })
    expect(html).toContain(
      '<section><h2>我点过的赞</h2><p>共 2 个。</p><ul><li>2026年11月1日 09:00 给一条成长日记点了赞</li><li>2026年11月2日 21:30 给一条成长日记点了赞</li></ul></section>',
    )
  })

  test('what she did as staff: posts, contests, answers and the number of reviews, each alone enough to show the section', () => {
    const html = render({
      content: {
        posts: [{ title: '辅食<第一口>', publishedAt: new Date('2026-11-01T01:00:00Z') }],
        contests: [{ title: '晒娃', createdAt: new Date('2026-11-02T01:00:00Z') }],
        members: [{ status: 'member' }, { status: 'rejected' }],
      },
    })
    expect(html).toContain(
      '<section><h2>我作为工作人员的记录</h2><ul>' +
        '<li>发布文章《辅食&lt;第一口&gt;》（2026年11月1日 09:00）</li>' +
        '<li>发起晒娃活动「晒娃」（2026年11月2日 09:00）</li>' +
        '<li>审核入群申请 2 份</li>' +
        '</ul></section>',
    )
    for (const content of [{ posts: [{ title: 'p' }] }, { contests: [{ title: 'c' }] }, { members: [{ status: 'member' }] }] as Array<SummaryInput['content']>) {
      expect(render({ content })).toContain('<h2>我作为工作人员的记录</h2>')
    }
    expect(render({ content: { members: [{ status: 'member' }] } })).toContain('<ul><li>审核入群申请 1 份</li></ul>')
    expect(render({ content: { posts: [{ title: 'p' }] } })).not.toContain('审核入群申请')
  })
})
