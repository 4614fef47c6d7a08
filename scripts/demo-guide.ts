// A one-page PDF standing in for the "0–3 岁科学喂养指南" lead gift in the local demo (the real one is
// uploaded by the operator, docs/DEPLOY.md). Built by hand: a PDF this small needs no library.
export function demoGuidePdf(): Buffer {
  const lines = ['Qinqin Circle - Feeding Guide 0-3 (demo copy)', '0-6 months: breast milk or formula on demand.', '6-12 months: start single-ingredient purees, one new food every 3 days.', '1-3 years: family meals, less salt and sugar.']
  const text = lines.map((l, i) => `BT /F1 14 Tf 50 ${780 - i * 24} Td (${l.replace(/[()\\]/g, '')}) Tj ET`).join('\n')
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ]
  let body = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body))
    body += `${i + 1} 0 obj\n${o}\nendobj\n`
  })
  const xref = Buffer.byteLength(body)
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(body, 'latin1')
}
