// `npm run build:demo-photos`: draws the demo's post covers, diary photos, the live previews' covers,
// host photo and warehouse photo (soft illustrations from SVG, no real people, nothing downloaded)
// and screenshots them to small JPEGs in assets/demo/; then prints the demo live's papers (evidence.ts)
// to PNG and PDF beside them. All committed, so `npm start` needs no browser.
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { DEMO_PHOTO_PATH, EVIDENCE_FILES } from '../demo-assets'
import { customsDeclarationHtml, EVIDENCE_WIDTH, qualityReportHtml } from './evidence'

export const DEMO_PHOTO_DIR = DEMO_PHOTO_PATH
const W = 640
const H = 480
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

const sky = (top: string, bottom: string) =>
  `<defs><linearGradient id="bg" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${top}"/><stop offset="1" stop-color="${bottom}"/></linearGradient></defs><rect width="${W}" height="${H}" fill="url(#bg)"/>`

/** name → SVG body; each a calm scene a diary or a post could carry */
export const DEMO_PHOTOS: Record<string, string> = {
  // a bowl of rice cereal with a spoon: the first-food post
  'cover-first-food': `${sky('#fff1e0', '#ffd9b8')}
    <circle cx="520" cy="90" r="46" fill="#ffe7a8"/>
    <ellipse cx="320" cy="360" rx="210" ry="40" fill="#f3b98d" opacity=".5"/>
    <path d="M130 250 Q320 470 510 250 Z" fill="#ffffff"/><path d="M130 250 Q320 470 510 250" fill="none" stroke="#f08fa8" stroke-width="10"/>
    <ellipse cx="320" cy="250" rx="190" ry="34" fill="#fbe6c2"/><ellipse cx="300" cy="246" rx="120" ry="18" fill="#f7d39c"/>
    <rect x="380" y="120" width="22" height="150" rx="11" transform="rotate(28 391 195)" fill="#9fd3c1"/>
    <ellipse cx="352" cy="238" rx="30" ry="16" transform="rotate(28 352 238)" fill="#9fd3c1"/>`,
  // a soft towel, lotion and drops: the skin-care post
  'cover-skin-care': `${sky('#e6f5f2', '#cfe9f7')}
    <rect x="90" y="300" width="460" height="90" rx="30" fill="#ffffff" opacity=".9"/><rect x="90" y="330" width="460" height="14" fill="#f6c9d6"/>
    <rect x="360" y="150" width="120" height="170" rx="30" fill="#ffffff"/><rect x="395" y="110" width="50" height="50" rx="10" fill="#8ccbb8"/>
    <rect x="380" y="210" width="80" height="50" rx="10" fill="#f6c9d6"/>
    <path d="M200 150 q30 50 0 70 q-30 -20 0 -70z" fill="#9ed0ee"/><path d="M260 200 q22 38 0 52 q-22 -14 0 -52z" fill="#b9e0f5"/>
    <path d="M170 240 q18 30 0 42 q-18 -12 0 -42z" fill="#b9e0f5"/>`,
  // balloons in a morning sky
  'diary-balloons': `${sky('#dff0ff', '#fff3f6')}
    <circle cx="120" cy="400" r="120" fill="#cdebd9"/><circle cx="520" cy="430" r="150" fill="#bfe3cc"/>
    <g><ellipse cx="230" cy="170" rx="62" ry="76" fill="#f59bb4"/><path d="M230 246 q-10 60 10 130" stroke="#b98" stroke-width="3" fill="none"/></g>
    <g><ellipse cx="340" cy="130" rx="58" ry="72" fill="#ffd27a"/><path d="M340 202 q12 70 -6 170" stroke="#b98" stroke-width="3" fill="none"/></g>
    <g><ellipse cx="440" cy="190" rx="54" ry="66" fill="#8fd0c0"/><path d="M440 256 q-14 60 4 120" stroke="#b98" stroke-width="3" fill="none"/></g>
    <ellipse cx="210" cy="140" rx="14" ry="22" fill="#fff" opacity=".5"/><ellipse cx="322" cy="100" rx="13" ry="20" fill="#fff" opacity=".5"/>`,
  // two little footprints on a blanket
  'diary-footprints': `${sky('#fff8ef', '#fde8ee')}
    <g fill="#f4a9bd">
      <ellipse cx="250" cy="290" rx="58" ry="96"/><circle cx="212" cy="176" r="16"/><circle cx="240" cy="166" r="14"/><circle cx="266" cy="168" r="12"/><circle cx="288" cy="178" r="10"/><circle cx="304" cy="194" r="9"/>
      <ellipse cx="400" cy="250" rx="58" ry="96"/><circle cx="438" cy="136" r="16"/><circle cx="410" cy="126" r="14"/><circle cx="384" cy="128" r="12"/><circle cx="362" cy="138" r="10"/><circle cx="346" cy="154" r="9"/>
    </g>
    <circle cx="90" cy="80" r="10" fill="#ffd27a"/><circle cx="560" cy="400" r="12" fill="#8fd0c0"/><circle cx="540" cy="90" r="8" fill="#9ed0ee"/>`,
  // bath time: a yellow duck on the water
  'diary-bath-duck': `${sky('#e3f4ff', '#c6e6fb')}
    <path d="M0 320 Q80 290 160 320 T320 320 T480 320 T640 320 V480 H0 Z" fill="#9fd4f2"/>
    <path d="M0 360 Q80 330 160 360 T320 360 T480 360 T640 360 V480 H0 Z" fill="#86c6ea"/>
    <ellipse cx="320" cy="300" rx="120" ry="62" fill="#ffd54f"/><circle cx="382" cy="206" r="56" fill="#ffd54f"/>
    <path d="M432 206 L480 218 L432 232 Z" fill="#ff9f43"/><circle cx="396" cy="192" r="8" fill="#4a3b35"/>
    <path d="M250 282 q40 30 90 4" stroke="#f2b92f" stroke-width="8" fill="none"/>
    <circle cx="130" cy="120" r="22" fill="#ffffff" opacity=".7"/><circle cx="170" cy="170" r="14" fill="#ffffff" opacity=".7"/><circle cx="520" cy="110" r="18" fill="#ffffff" opacity=".7"/>`,
  // sunshine over soft hills: a first walk outside
  'diary-sunny-walk': `${sky('#fff4d6', '#e8f6ea')}
    <circle cx="470" cy="130" r="64" fill="#ffd27a"/><circle cx="470" cy="130" r="92" fill="#ffd27a" opacity=".25"/>
    <path d="M0 340 Q160 240 330 330 T640 300 V480 H0 Z" fill="#bfe3b4"/>
    <path d="M0 390 Q200 320 380 390 T640 380 V480 H0 Z" fill="#a3d69a"/>
    <g fill="#f59bb4"><circle cx="140" cy="400" r="9"/><circle cx="200" cy="420" r="8"/><circle cx="470" cy="420" r="9"/></g>
    <g fill="#ffffff"><ellipse cx="150" cy="110" rx="60" ry="22"/><ellipse cx="190" cy="96" rx="40" ry="20"/></g>`,
  // a bonded warehouse: shelves of boxed cans, a forklift, the dock door: the live preview's cover
  'live-bonded': `${sky('#e8f1fb', '#f7f3ee')}
    <rect x="0" y="380" width="640" height="100" fill="#d9d3cb"/>
    <rect x="40" y="70" width="250" height="310" fill="#b8c6d6"/><rect x="40" y="70" width="250" height="14" fill="#8fa3b8"/>
    ${[120, 200, 280].map((y) => `<rect x="40" y="${y}" width="250" height="8" fill="#8fa3b8"/>`).join('')}
    ${[0, 1, 2, 3].flatMap((r) => [0, 1, 2, 3].map((c) => `<rect x="${54 + c * 58}" y="${84 + r * 80 + (r === 3 ? -4 : 0)}" width="48" height="${r === 3 ? 44 : 36}" rx="3" fill="${(r + c) % 2 ? '#f6c9d6' : '#fbe6c2'}"/>`)).join('')}
    <rect x="350" y="110" width="250" height="270" fill="#eef3f8" stroke="#8fa3b8" stroke-width="8"/>
    ${[150, 190, 230, 270, 310, 350].map((y) => `<line x1="354" y1="${y}" x2="596" y2="${y}" stroke="#cdd8e3" stroke-width="4"/>`).join('')}
    <g><rect x="380" y="300" width="110" height="60" rx="8" fill="#ffb347"/><rect x="470" y="250" width="12" height="110" fill="#7a8794"/><rect x="490" y="340" width="60" height="10" fill="#7a8794"/>
    <rect x="495" y="300" width="50" height="40" rx="4" fill="#fbe6c2"/><circle cx="405" cy="368" r="16" fill="#4a4a4a"/><circle cx="465" cy="368" r="16" fill="#4a4a4a"/><rect x="395" y="270" width="50" height="34" rx="6" fill="#ffd27a"/></g>
    <rect x="250" y="20" width="140" height="34" rx="17" fill="#ff7a8a"/><circle cx="272" cy="37" r="7" fill="#fff"/>`,
  // pasture, a barn and cows: the past ranch live
  'live-ranch': `${sky('#dff2ff', '#f3fbe9')}
    <path d="M0 300 Q160 250 320 290 T640 270 V480 H0 Z" fill="#b9e0a5"/><path d="M0 360 Q200 320 400 360 T640 350 V480 H0 Z" fill="#a3d48c"/>
    <rect x="420" y="170" width="150" height="120" fill="#e07a6a"/><path d="M405 175 L495 110 L585 175 Z" fill="#b85a4e"/><rect x="475" y="225" width="40" height="65" fill="#fff3e8"/>
    ${[[130, 330], [250, 360]].map(([x, y]) => `<g><ellipse cx="${x}" cy="${y}" rx="52" ry="30" fill="#fff"/><circle cx="${x - 20}" cy="${y - 6}" r="11" fill="#3b3b3b"/><circle cx="${x + 18}" cy="${y + 6}" r="9" fill="#3b3b3b"/>
    <ellipse cx="${x + 58}" cy="${y - 18}" rx="20" ry="16" fill="#fff"/><ellipse cx="${x + 70}" cy="${y - 12}" rx="9" ry="7" fill="#f6c9d6"/>
    ${[-34, -14, 14, 34].map((d) => `<rect x="${x + d - 4}" y="${y + 22}" width="8" height="24" fill="#fff"/>`).join('')}</g>`).join('')}
    <circle cx="90" cy="90" r="40" fill="#ffe08a"/>`,
  // the host's photo: a drawn portrait, not a real person
  'host-amin': `<rect width="${W}" height="${H}" fill="#fde3ea"/>
    <circle cx="320" cy="240" r="200" fill="#ffd1dc"/>
    <path d="M170 480 Q180 350 320 340 Q460 350 470 480 Z" fill="#ff7a8a"/>
    <path d="M220 230 Q210 110 320 100 Q430 110 420 230 Q430 300 400 330 L240 330 Q210 300 220 230 Z" fill="#5a3d35"/>
    <ellipse cx="320" cy="230" rx="82" ry="96" fill="#ffe2cf"/>
    <path d="M238 200 Q270 130 330 140 Q390 150 402 205 Q360 170 300 175 Q260 178 238 200 Z" fill="#5a3d35"/>
    <circle cx="290" cy="235" r="8" fill="#3b2a25"/><circle cx="350" cy="235" r="8" fill="#3b2a25"/>
    <path d="M296 275 Q320 295 344 275" stroke="#d9636f" stroke-width="6" fill="none" stroke-linecap="round"/>
    <circle cx="268" cy="262" r="12" fill="#ffb3c1" opacity=".7"/><circle cx="372" cy="262" r="12" fill="#ffb3c1" opacity=".7"/>`,
  // inside the bonded warehouse: pallets of cans under the dock lights
  'evidence-warehouse': `${sky('#eef3f8', '#e4e9ee')}
    <rect x="0" y="360" width="640" height="120" fill="#cfd6dd"/>
    ${[60, 250, 440].map((x) => `<g><rect x="${x}" y="330" width="150" height="24" fill="#c49a6c"/>
    ${[0, 1, 2].flatMap((r) => [0, 1, 2, 3, 4].map((c) => `<rect x="${x + 4 + c * 29}" y="${250 - r * 78}" width="26" height="76" rx="4" fill="${r % 2 ? '#fbe6c2' : '#ffffff'}" stroke="#e6b8c4" stroke-width="3"/>`)).join('')}
    <rect x="${x}" y="326" width="150" height="6" fill="#8f6d4a"/></g>`).join('')}
    ${[120, 320, 520].map((x) => `<g><rect x="${x - 40}" y="0" width="80" height="10" fill="#9aa5b1"/><path d="M${x - 50} 10 L${x + 50} 10 L${x + 90} 90 L${x - 90} 90 Z" fill="#fff8dc" opacity=".55"/></g>`).join('')}`,
}

/** The live's papers: the customs declaration and the quality report's first page as PNG, the report as PDF. */
async function printEvidence(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<void> {
  const page = await browser.newPage({ viewport: { width: EVIDENCE_WIDTH, height: 400 } })
  for (const [file, html] of [[EVIDENCE_FILES.customs, customsDeclarationHtml()], [EVIDENCE_FILES.qualityPage, qualityReportHtml()]] as const) {
    await page.setContent(html, { waitUntil: 'load' })
    const png = await page.locator('.doc').screenshot({ type: 'png' })
    fs.writeFileSync(path.join(DEMO_PHOTO_DIR, file), png)
    console.log(`wrote assets/demo/${file} (${Math.round(png.length / 1024)} KB)`)
  }
  await page.setContent(qualityReportHtml(), { waitUntil: 'load' })
  const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', left: '12mm', right: '12mm', bottom: '12mm' } })
  fs.writeFileSync(path.join(DEMO_PHOTO_DIR, EVIDENCE_FILES.qualityReport), pdf)
  console.log(`wrote assets/demo/${EVIDENCE_FILES.qualityReport} (${Math.round(pdf.length / 1024)} KB)`)
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM })
  try {
    const page = await browser.newPage({ viewport: { width: W, height: H } })
    fs.mkdirSync(DEMO_PHOTO_DIR, { recursive: true })
    for (const [name, body] of Object.entries(DEMO_PHOTOS)) {
      await page.setContent(`<html><body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}">${body}</svg></body></html>`)
      const jpeg = await page.screenshot({ type: 'jpeg', quality: 82, clip: { x: 0, y: 0, width: W, height: H } })
      fs.writeFileSync(path.join(DEMO_PHOTO_DIR, `${name}.jpg`), jpeg)
      console.log(`wrote assets/demo/${name}.jpg (${Math.round(jpeg.length / 1024)} KB)`)
    }
    await printEvidence(browser)
  } finally {
    await browser.close()
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
}
