import { readCodes, splitPasted } from '../../domain/trace-input'

test('pasted codes split at line breaks, commas, semicolons and spaces, full-width ones too; blanks skipped', () => {
  expect(splitPasted('AAA111\nBBB222, CCC333;DDD444\r\n\n  EEE555\tFFF666，GGG777；HHH888、III999 ')).toEqual([
    'AAA111', 'BBB222', 'CCC333', 'DDD444', 'EEE555', 'FFF666', 'GGG777', 'HHH888', 'III999',
  ])
  expect(splitPasted('  \n ,, \n')).toEqual([])
})

test('pasted: normalised to upper case and half-width, repeats reported once each, bad entries by entry number', () => {
  const read = readCodes('nz-a2-0001\nＮＺ－Ａ２－０００２\nNZ-A2-0001, x1\nnz-a2-0001\nNZ A2', 'paste')
  expect(read.codes).toEqual(['NZ-A2-0001', 'NZ-A2-0002'])
  expect(read.repeated).toEqual(['NZ-A2-0001'])
  expect(read.repeatedCount).toBe(2)
  // "NZ A2" splits at the space into two entries, both too short to be codes
  expect(read.invalid).toEqual([{ at: 4, value: 'x1' }, { at: 6, value: 'NZ' }, { at: 7, value: 'A2' }])
  expect(read.entries).toBe(7)
  expect(read.headerSkipped).toBe(false)
})

test('pasted: a first entry that is not a code is reported, not taken for a header', () => {
  const read = readCodes('溯源码\nAAA111', 'paste')
  expect(read.codes).toEqual(['AAA111'])
  expect(read.invalid).toEqual([{ at: 1, value: '溯源码' }])
})

test('CSV: first column, header and blank lines skipped, quotes and the byte-order mark dropped, lines numbered as in the file', () => {
  const csv = '\uFEFF溯源码,生产线\r\n"aaa111",1\r\n\r\nBBB222,2\n??,3\nAAA111,4\n'
  const read = readCodes(csv, 'csv')
  expect(read.headerSkipped).toBe(true)
  expect(read.codes).toEqual(['AAA111', 'BBB222'])
  expect(read.repeated).toEqual(['AAA111'])
  expect(read.invalid).toEqual([{ at: 5, value: '??' }])
  expect(read.entries).toBe(4)
})

test('CSV: without a header every line counts; commas in a pasted line are separators, in a CSV line columns', () => {
  const read = readCodes('AAA111,BBB222\nCCC333', 'csv')
  expect(read).toMatchObject({ codes: ['AAA111', 'CCC333'], headerSkipped: false, invalid: [], entries: 2 })
  expect(readCodes('AAA111,BBB222\nCCC333', 'paste').codes).toEqual(['AAA111', 'BBB222', 'CCC333'])
})

test('CSV: a bad first line after blank lines is still the header; a bad line later is invalid, not a header', () => {
  expect(readCodes('\n\ncode\nAAA111', 'csv')).toMatchObject({ headerSkipped: true, codes: ['AAA111'], invalid: [] })
  expect(readCodes('AAA111\ncode', 'csv')).toMatchObject({ headerSkipped: false, invalid: [{ at: 2, value: 'code' }] })
})
