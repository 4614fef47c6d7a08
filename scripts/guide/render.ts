// The feeding guide as one printable HTML page (A4, a page break per section). Pure: content in, HTML out.
import type { GuideContent } from './content'

const esc = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string)
const list = (items: string[], cls = '') => `<ul class="${cls}">${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`

// one font weight only: every weight adds its own embedded glyph subset to the PDF
const STYLE = `
h1,h2,h3,th,b,strong{font-weight:normal}
@page{size:A4;margin:0}
*{box-sizing:border-box}
body{margin:0;font-family:"Noto Sans CJK SC",sans-serif;color:#3a2e2a;font-size:11.5pt;line-height:1.75}
.page{width:210mm;height:297mm;padding:18mm 18mm 16mm;position:relative;page-break-after:always;overflow:hidden}
.page:last-child{page-break-after:auto}
.cover{background:linear-gradient(160deg,#fde3ea 0%,#fff6ee 55%,#e6f4ec 100%);display:flex;flex-direction:column;justify-content:center}
.brand{color:#e8618c;font-size:12pt;letter-spacing:2pt}
h1{font-size:34pt;line-height:1.3;margin:10mm 0 4mm;color:#c2456f}
.subtitle{font-size:15pt;color:#6b5a55;margin-bottom:14mm}
.intro p{margin:0 0 4mm}
.badge{display:inline-block;border:1.5pt solid #e8618c;color:#e8618c;border-radius:20pt;padding:1mm 5mm;margin-right:3mm;font-size:11pt}
h2{font-size:18pt;color:#c2456f;border-bottom:2pt solid #f6c9d6;padding-bottom:2mm;margin:0 0 5mm}
h3{font-size:13pt;margin:6mm 0 2mm;color:#4a7a5a}
table{width:100%;border-collapse:collapse;font-size:10.5pt}
th{background:#fbe1e8;color:#8c3552;font-weight:normal;text-align:left;padding:2.2mm 3mm}
td{padding:2.2mm 3mm;border-bottom:0.6pt solid #f0dcd5;vertical-align:top}
tr:nth-child(even) td{background:#fff8f6}
.num{white-space:nowrap;font-size:11pt;color:#c2456f}
ul{margin:0 0 2mm;padding-left:6mm}li{margin-bottom:1.2mm}
.lead{color:#6b5a55}
.box{border-radius:4mm;padding:4mm 5mm;margin:4mm 0}
.box.soft{background:#f2f8f4}.box.warn{background:#fff4e0}.box.danger{background:#fde8ea;border:1.2pt solid #e26a76}
.box.danger h3{color:#c23a48;margin-top:0}.box.warn h3{color:#a0661a;margin-top:0}.box.soft h3{margin-top:0}
.foot{position:absolute;left:18mm;right:18mm;bottom:9mm;font-size:8.5pt;color:#9a8a85;display:flex;justify-content:space-between}
.disclaimer{font-size:10pt;color:#6b5a55;border-top:1pt solid #e8d8d2;padding-top:3mm;margin-top:5mm}
`

const foot = (g: GuideContent, n: number) => `<div class="foot"><span>${esc(g.title)} · ${esc(g.brand)}</span><span>${n}</span></div>`

export function renderGuideHtml(g: GuideContent): string {
  const cover = `<section class="page cover">
    <div class="brand">${esc(g.brand)}</div>
    <h1>${esc(g.title)}</h1>
    <div class="subtitle">${esc(g.subtitle)}</div>
    <div class="intro">${g.intro.map((p) => `<p>${esc(p)}</p>`).join('')}</div>
    <p><span class="badge">奶量参考</span><span class="badge">辅食添加</span><span class="badge">过敏应对</span></p>
    <p class="disclaimer">${esc(g.disclaimer)}</p>
  </section>`

  const milk = `<section class="page">
    <h2>${esc(g.milk.heading)}</h2>
    <p class="lead">${esc(g.milk.lead)}</p>
    <table><tr><th>月龄</th><th>每次奶量</th><th>每天次数</th><th>说明</th></tr>
    ${g.milk.rows.map((r) => `<tr><td>${esc(r.age)}</td><td class="num">${esc(r.perFeed)}</td><td class="num">${esc(r.feedsPerDay)}</td><td>${esc(r.note)}</td></tr>`).join('')}
    </table>
    <div class="box soft"><h3>冲调与喂养提示</h3>${list(g.milk.tips)}</div>
    ${foot(g, 2)}
  </section>`

  const solids = `<section class="page">
    <h2>${esc(g.solids.heading)}</h2>
    <p>${esc(g.solids.when)}</p>
    <h3>宝宝准备好了的信号</h3>${list(g.solids.readiness)}
    <h3>第一口吃什么：先补铁</h3>${list(g.solids.firstFoods)}
    <div class="box warn"><h3>添加原则</h3>${list(g.solids.rules)}</div>
    <h3>不同月龄的辅食安排</h3>
    <table><tr><th>月龄</th><th>性状</th><th>可以吃</th><th>餐次</th></tr>
    ${g.solids.stages.map((s) => `<tr><td>${esc(s.age)}</td><td>${esc(s.texture)}</td><td>${esc(s.foods)}</td><td>${esc(s.meals)}</td></tr>`).join('')}
    </table>
    ${foot(g, 3)}
  </section>`

  const allergy = `<section class="page">
    <h2>${esc(g.allergy.heading)}</h2>
    <p class="lead">${esc(g.allergy.lead)}</p>
    <table><tr><th>部位</th><th>可能的表现</th></tr>
    ${g.allergy.signs.map((s) => `<tr><td>${esc(s.area)}</td><td>${esc(s.what)}</td></tr>`).join('')}
    </table>
    <div class="box warn"><h3>症状轻微时</h3>${list(g.allergy.mild)}</div>
    <div class="box danger"><h3>马上就医</h3>${list(g.allergy.urgent)}</div>
    <p>${esc(g.allergy.common)}</p>
    <p class="disclaimer">${esc(g.disclaimer)}<br>${esc(g.sources)}</p>
    ${foot(g, 4)}
  </section>`

  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(g.title)}</title><style>${STYLE}</style></head><body>${cover}${milk}${solids}${allergy}</body></html>`
}
