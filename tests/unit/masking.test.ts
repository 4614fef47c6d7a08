import { maskName, maskPhone } from '../../domain/masking'

test('phones show only the first three and last four digits', () => {
  expect(maskPhone('13812341234')).toBe('138****1234')
  expect(maskPhone('138 1234 1234')).toBe('138****1234')
  expect(maskPhone('12345')).toBe('*****')
  expect(maskPhone(undefined)).toBe('')
})

test('names keep only the first character', () => {
  expect(maskName('王小美')).toBe('王**')
  expect(maskName('Amy')).toBe('A**')
  expect(maskName('  ')).toBe('匿名')
  expect(maskName('😀妈妈')).toBe('😀**')
})
