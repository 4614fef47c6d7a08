// `npm run build:guide`: renders the feeding guide (content.ts) to HTML and prints it to PDF with
// headless Chromium. The PDF is committed (assets/guide/), so `npm start` needs no browser.
import fs from 'node:fs'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { GUIDE_PDF_PATH } from '../demo-assets'
import { GUIDE } from './content'
import { renderGuideHtml } from './render'

export const GUIDE_PDF = GUIDE_PDF_PATH
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM })
  try {
    const page = await browser.newPage()
    await page.setContent(renderGuideHtml(GUIDE), { waitUntil: 'load' })
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true })
    fs.mkdirSync(path.dirname(GUIDE_PDF), { recursive: true })
    fs.writeFileSync(GUIDE_PDF, pdf)
    console.log(`wrote ${path.relative(process.cwd(), GUIDE_PDF)} (${Math.round(pdf.length / 1024)} KB)`)
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
