// Can codes as a leader brings them to an import: pasted from a sheet or a chat (one per line, or
// separated by commas), or a CSV file exported by the factory. Pure: the page shows what was read
// before anything is sent, and sends only valid, normalised, distinct codes (the function refuses a
// whole chunk for one bad code).
import { CODE_PATTERN, normalizeCode, parseCodes, type ParsedCodes } from './trace'

export type CodeSource = 'paste' | 'csv'

export interface CodesToImport extends ParsedCodes {
  /** non-blank entries read (a CSV header not counted) */
  entries: number
  /** CSV only: the first line was a header and was skipped */
  headerSkipped: boolean
}

// full-width letters, digits and dashes (a Chinese keyboard's) become the ASCII ones printed on the can
const toHalfWidth = (s: string) => s.normalize('NFKC')

/** Pasted text: entries split at line breaks, commas, semicolons (ASCII or full-width), tabs and spaces. */
export function splitPasted(text: string): string[] {
  return toHalfWidth(text)
    .split(/[\s,;，；、]+/)
    .filter((v) => v !== '')
}

/** A CSV line's first column, without the quotes a spreadsheet puts around it. */
const firstColumn = (line: string) => line.split(',')[0].trim().replace(/^"(.*)"$/, '$1').trim()

/**
 * Reads codes for an import. Paste: positions are entry numbers (1 = the first code). CSV: the first
 * column of each line, blank lines skipped, a first line that is not a code taken for a header,
 * positions are line numbers as a spreadsheet shows them; a byte-order mark (Excel's UTF-8) is dropped.
 */
export function readCodes(text: string, source: CodeSource): CodesToImport {
  let values: string[]
  let positions: number[]
  let headerSkipped = false
  if (source === 'paste') {
    values = splitPasted(text)
    positions = values.map((_, i) => i + 1)
  } else {
    values = []
    positions = []
    toHalfWidth(text.replace(/^\uFEFF/, ''))
      .split(/\r\n|\n|\r/)
      .forEach((line, i) => {
        const value = firstColumn(line)
        if (value === '') return
        if (values.length === 0 && !headerSkipped && !CODE_PATTERN.test(normalizeCode(value))) {
          headerSkipped = true
          return
        }
        values.push(value)
        positions.push(i + 1)
      })
  }
  const parsed = parseCodes(values)
  return {
    ...parsed,
    invalid: parsed.invalid.map((bad) => ({ at: positions[bad.at - 1], value: bad.value })),
    entries: values.length,
    headerSkipped,
  }
}
