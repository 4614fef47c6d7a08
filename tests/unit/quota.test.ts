import { quotaProgress } from '../../domain/quota'

test('progress of a chain', () => {
  expect(quotaProgress(37, 50)).toEqual({ sold: 37, quota: 50, remaining: 13, percent: 74, full: false, label: '74%' })
  expect(quotaProgress(50, 50).full).toBe(true)
  expect(quotaProgress(60, 50)).toMatchObject({ sold: 50, remaining: 0, percent: 100 })
  expect(quotaProgress(-3, 0)).toMatchObject({ sold: 0, quota: 0, percent: 0, full: false })
})
