// What the app makes of chunked imports and subscribe answers: reports of chunks add up to one, and only
// templates she accepted count.
import { acceptedTemplates } from '../../domain/notifications'
import { mergeReports, type ImportReport } from '../../domain/trace'

const report = (over: Partial<ImportReport>, dup: [number, string[]] = [0, []]): ImportReport => ({
  batchId: 'tb1', received: 0, imported: 0, batchCodeCount: 0,
  duplicates: { inRequest: { count: 0, sample: [] }, alreadyInBatch: { count: dup[0], sample: dup[1] }, inOtherBatch: { count: 0, sample: [] } },
  ...over,
})

test('chunk reports merge: sums, samples kept to 100, the batch count of the last chunk', () => {
  const merged = mergeReports([
    report({ received: 20_000, imported: 19_990, batchCodeCount: 19_990 }, [10, Array.from({ length: 10 }, (_, i) => `A${i}`)]),
    report({ received: 5_000, imported: 4_900, batchCodeCount: 24_890 }, [100, Array.from({ length: 100 }, (_, i) => `B${i}`)]),
  ])
  expect(merged).toMatchObject({ batchId: 'tb1', received: 25_000, imported: 24_890, batchCodeCount: 24_890 })
  expect(merged.duplicates.alreadyInBatch.count).toBe(110)
  expect(merged.duplicates.alreadyInBatch.sample).toHaveLength(100)
  expect(merged.duplicates.alreadyInBatch.sample.slice(0, 2)).toEqual(['A0', 'A1'])
})

test('only accepted templates count; reject, ban, filter and a missing answer do not', () => {
  const ids = ['T1', 'T2', 'T3', 'T4']
  expect(acceptedTemplates({ T1: 'accept', T2: 'reject', T3: 'ban', errMsg: 'requestSubscribeMessage:ok' }, ids)).toEqual(['T1'])
  expect(acceptedTemplates(undefined, ids)).toEqual([])
})
