// The demo live's papers, drawn as HTML and printed by Chromium (`npm run build:demo-photos`): an
// import customs declaration and a quality report's first page as PNG images for the evidence
// gallery, and the whole quality report as a PDF for the trace batch. Every page is marked 演示样例:
// the facts are the demo's own (scripts/demo-live-facts.ts), not any real shipment.
import { DEMO_BATCH as B } from '../demo-live-facts'

export const EVIDENCE_WIDTH = 620

const STYLE = `
*{box-sizing:border-box}
body{margin:0;background:#fff;font-family:"Noto Sans CJK SC",sans-serif;color:#222;font-size:13px;line-height:1.6}
.doc{position:relative;width:${EVIDENCE_WIDTH}px;padding:28px 30px 26px;overflow:hidden}
h1{font-size:21px;text-align:center;margin:0 0 4px;letter-spacing:2px;font-weight:normal}
.sub{text-align:center;color:#555;margin-bottom:14px}
table{width:100%;border-collapse:collapse}
td,th{border:1px solid #555;padding:5px 7px;vertical-align:top;font-weight:normal;text-align:left}
th{background:#f2f2f2;white-space:nowrap;width:1%}
.num{font-family:"Noto Sans CJK SC",monospace;letter-spacing:1px}
.pass{color:#1e7d4f}
.stamp{position:absolute;right:46px;bottom:40px;width:128px;height:128px;border:4px solid rgba(214,40,57,.75);border-radius:50%;color:rgba(214,40,57,.8);display:flex;align-items:center;justify-content:center;text-align:center;font-size:14px;transform:rotate(-14deg);line-height:1.4}
.mark{position:absolute;left:0;right:0;top:42%;text-align:center;font-size:64px;color:rgba(200,60,80,.10);transform:rotate(-24deg);letter-spacing:12px;pointer-events:none}
.foot{margin-top:14px;color:#666;font-size:12px}
`

const page = (body: string) => `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${body}</body></html>`

export function customsDeclarationHtml(): string {
  return page(`<div class="doc">
  <h1>进口货物报关单</h1>
  <div class="sub">海关编号 <span class="num">${B.customsNo}</span></div>
  <table>
    <tr><th>境内收货人</th><td colspan="3">${B.importer}</td></tr>
    <tr><th>进境关别</th><td>${B.port}</td><th>申报日期</th><td>${B.declaredAt}</td></tr>
    <tr><th>贸易方式</th><td>保税电商</td><th>启运国</th><td>${B.origin}</td></tr>
    <tr><th>运输方式</th><td>海运</td><th>监管方式</th><td>1210 保税跨境</td></tr>
    <tr><th>商品名称</th><td colspan="3">${B.product}</td></tr>
    <tr><th>批次号</th><td class="num">${B.batchNo}</td><th>生产日期</th><td>${B.producedAt}</td></tr>
    <tr><th>数量</th><td>${B.cans.toLocaleString('en-US')} 罐</td><th>原产国</th><td>${B.origin}</td></tr>
    <tr><th>随附单证</th><td colspan="3">原产地证书、卫生证书、入境货物检验检疫证明</td></tr>
    <tr><th>海关批注</th><td colspan="3">已放行，入${B.port}保税仓</td></tr>
  </table>
  <div class="foot">亲亲宝贝妈妈圈演示数据：单证格式仅作示意，号码与真实报关单无关。</div>
  <div class="stamp">海关放行<br/>演示样例</div>
  <div class="mark">演示样例</div>
</div>`)
}

const RESULTS: [string, string, string, string][] = [
  ['蛋白质', '≥ 1.8 g/100kJ', '2.1 g/100kJ', '符合'],
  ['脂肪', '4.4–6.0 g/100kJ', '5.2 g/100kJ', '符合'],
  ['三聚氰胺', '≤ 0.2 mg/kg', '未检出', '符合'],
  ['黄曲霉毒素 M1', '≤ 0.5 μg/kg', '未检出', '符合'],
  ['阪崎克罗诺杆菌', 'n=3, c=0, m=0/100g', '未检出', '符合'],
  ['沙门氏菌', 'n=5, c=0, m=0/25g', '未检出', '符合'],
  ['菌落总数', 'n=5, c=2, m=1000 CFU/g', '< 10 CFU/g', '符合'],
]

export function qualityReportHtml(): string {
  return page(`<div class="doc">
  <h1>检验报告</h1>
  <div class="sub">报告编号 <span class="num">${B.reportNo}</span></div>
  <table>
    <tr><th>样品名称</th><td colspan="3">${B.product}</td></tr>
    <tr><th>批次号</th><td class="num">${B.batchNo}</td><th>生产日期</th><td>${B.producedAt}</td></tr>
    <tr><th>检验依据</th><td colspan="3">GB 10765-2021 食品安全国家标准 婴儿配方食品</td></tr>
    <tr><th>检验机构</th><td colspan="3">${B.lab}</td></tr>
  </table>
  <table style="margin-top:12px">
    <tr><th style="width:auto">检验项目</th><th style="width:auto">标准要求</th><th style="width:auto">检验结果</th><th style="width:auto">单项结论</th></tr>
    ${RESULTS.map(([item, limit, result, verdict]) => `<tr><td>${item}</td><td>${limit}</td><td>${result}</td><td class="pass">${verdict}</td></tr>`).join('')}
  </table>
  <p style="margin:14px 0 0">检验结论：所检项目符合 GB 10765-2021 的要求。</p>
  <p style="margin:4px 0 0">签发日期：${B.reportedAt}</p>
  <div class="foot">亲亲宝贝妈妈圈演示数据：报告格式仅作示意，不代表任何真实检测结果。</div>
  <div class="stamp">检验专用章<br/>演示样例</div>
  <div class="mark">演示样例</div>
</div>`)
}
