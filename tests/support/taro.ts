// The slice of @tarojs/taro our pages use, for React component tests. `cloud.callFunction` is
// a controllable transport: tests decide what the (real-shaped) function envelope is.
type CallFunction = (options: { name: string; data: Record<string, unknown> }) => Promise<{ result?: unknown }>

export const calls: { name: string; data: Record<string, unknown> }[] = []
export const navigations: string[] = []
export const toasts: string[] = []

let handler: CallFunction = async () => ({ result: { ok: false, error: { code: 'INTERNAL', message: '未设置' } } })

export function respondWith(fn: CallFunction): void {
  handler = fn
}

export function resetTaro(): void {
  calls.length = 0
  navigations.length = 0
  toasts.length = 0
}

const Taro = {
  cloud: {
    init: () => undefined,
    callFunction: (options: { name: string; data: Record<string, unknown> }) => {
      calls.push(options)
      return handler(options)
    },
  },
  navigateTo: async ({ url }: { url: string }) => {
    navigations.push(url)
  },
  showToast: async ({ title }: { title: string }) => {
    toasts.push(title)
  },
  getEnv: () => 'WEB',
}

export default Taro
