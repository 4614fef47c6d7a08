/**
 * @jest-environment jsdom
 */
import path from 'node:path'
// miniprogram-simulate ships no types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const simulate = require('miniprogram-simulate')

const componentPath = path.resolve(__dirname, '../../src/components/native/quota-bar/index')

let id: string
beforeAll(() => {
  // load once: the simulator registers a component definition per path
  id = simulate.load(componentPath)
})

function mount(props: Record<string, unknown>) {
  const comp = simulate.render(id, props)
  comp.attach(document.createElement('parent-wrapper'))
  return comp
}

describe('native quota-bar component', () => {
  test('shows sold, quota and what remains', () => {
    const comp = mount({ sold: 37, quota: 50 })
    expect(comp.querySelector('.quota-bar__text').dom.textContent).toBe('已接 37 / 50 份，仅剩 13 份')
    expect(comp.querySelector('.quota-bar__fill').dom.getAttribute('style')).toContain('width: 74%')
  })

  test('a full chain says so and turns the bar red', () => {
    const comp = mount({ sold: 50, quota: 50, unit: '罐' })
    expect(comp.querySelector('.quota-bar__text').dom.textContent).toBe('已满 50 罐')
    expect(comp.querySelector('.quota-bar__fill').dom.className).toContain('quota-bar__fill--full')
  })

  test('an over-read never draws past 100 % and updates when properties change', async () => {
    const comp = mount({ sold: 1, quota: 10 })
    comp.setData({ sold: 99 })
    await simulate.sleep(0)
    expect(comp.data.percent).toBe(100)
    expect(comp.data.remaining).toBe(0)
  })

  test('a tap reports what remains to the page', async () => {
    const comp = mount({ sold: 8, quota: 10 })
    const seen: unknown[] = []
    comp.addEventListener('tapbar', (evt: { detail: unknown }) => seen.push(evt.detail))
    comp.querySelector('.quota-bar').dispatchEvent('tap')
    await simulate.sleep(10) // events are delivered asynchronously, as in the real runtime
    expect(seen).toEqual([{ remaining: 2, full: false }])
  })
})
