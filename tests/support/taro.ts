// The slice of @tarojs/taro our pages use, for React component tests. `cloud.callFunction` is
// a controllable transport: tests decide what the (real-shaped) function envelope is. The other
// platform APIs record what a page asked for and answer what a test set up.
import { useEffect, useRef } from 'react'

type CallFunction = (options: { name: string; data: Record<string, unknown> }) => Promise<{ result?: unknown }>

export const calls: { name: string; data: Record<string, unknown> }[] = []
/** every navigation, as its URL; the kind is in `routes` */
export const navigations: string[] = []
export const routes: { kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab' | 'navigateBack'; url: string }[] = []
export const toasts: string[] = []
export const modals: { title?: string; content?: string; confirmText?: string }[] = []
export const clipboard: string[] = []
export const subscribeRequests: string[][] = []
export const downloads: string[] = []
export const openedDocuments: { filePath: string; fileType?: string }[] = []
export const tempUrlRequests: string[][] = []
export const phoneCalls: string[] = []
export const previews: { urls: string[]; current?: string }[] = []

/** Taro's app-wide event bus (pages telling each other what happened): listeners by event name */
const listeners = new Map<string, ((...args: unknown[]) => void)[]>()
const eventCenter = {
  on(name: string, fn: (...args: unknown[]) => void) {
    listeners.set(name, [...(listeners.get(name) ?? []), fn])
  },
  off(name: string, fn: (...args: unknown[]) => void) {
    listeners.set(name, (listeners.get(name) ?? []).filter((f) => f !== fn))
  },
  trigger(name: string, ...args: unknown[]) {
    for (const fn of listeners.get(name) ?? []) fn(...args)
  },
}

let handler: CallFunction = async () => ({ result: { ok: false, error: { code: 'INTERNAL', message: '未设置' } } })
let modalAnswer = true
let subscribeAnswer: () => Promise<Record<string, string>> = async () => ({ errMsg: 'requestSubscribeMessage:ok' })
let showHandlers: (() => void)[] = []
let hideHandlers: (() => void)[] = []

export function respondWith(fn: CallFunction): void {
  handler = fn
}

/** What the next modals answer: true = confirm, false = cancel. */
export function answerModals(confirm: boolean): void {
  modalAnswer = confirm
}

export function answerSubscribe(fn: () => Promise<Record<string, string>>): void {
  subscribeAnswer = fn
}

/** Fires the page's useDidShow callbacks, as when she comes back to a page. */
export function showPage(): void {
  for (const fn of showHandlers) fn()
}

/** Fires the page's useDidHide callbacks, as when another page opens on top or the app goes to the background. */
export function hidePage(): void {
  for (const fn of hideHandlers) fn()
}

/** local storage as Taro's sync calls see it (drafts) */
export const storage = new Map<string, unknown>()
/** the page's query, as `useRouter().params` answers it */
let routerParams: Record<string, string> = {}
export function setRouterParams(params: Record<string, string>): void {
  routerParams = params
}

export function resetTaro(): void {
  storage.clear()
  routerParams = {}
  for (const list of [calls, navigations, routes, toasts, modals, clipboard, subscribeRequests, downloads, openedDocuments, tempUrlRequests, phoneCalls, previews]) list.length = 0
  modalAnswer = true
  subscribeAnswer = async () => ({ errMsg: 'requestSubscribeMessage:ok' })
  showHandlers = []
  hideHandlers = []
  listeners.clear()
}

function route(kind: (typeof routes)[number]['kind']) {
  return async ({ url }: { url: string }) => {
    navigations.push(url)
    routes.push({ kind, url })
  }
}

const Taro = {
  cloud: {
    init: () => undefined,
    callFunction: (options: { name: string; data: Record<string, unknown> }) => {
      calls.push(options)
      return handler(options)
    },
    getTempFileURL: async ({ fileList }: { fileList: string[] }) => {
      tempUrlRequests.push(fileList)
      return { fileList: fileList.map((fileID) => ({ fileID, tempFileURL: `https://tmp.example/${fileID.split('/').pop()}`, status: 0 })) }
    },
  },
  navigateTo: route('navigateTo'),
  redirectTo: route('redirectTo'),
  reLaunch: route('reLaunch'),
  switchTab: route('switchTab'),
  navigateBack: async () => {
    routes.push({ kind: 'navigateBack', url: '' })
  },
  showToast: async ({ title }: { title: string }) => {
    toasts.push(title)
  },
  showModal: async (options: { title?: string; content?: string; confirmText?: string }) => {
    modals.push({ title: options.title, content: options.content, confirmText: options.confirmText })
    return { confirm: modalAnswer, cancel: !modalAnswer }
  },
  showLoading: async () => undefined,
  hideLoading: async () => undefined,
  setClipboardData: async ({ data }: { data: string }) => {
    clipboard.push(data)
  },
  requestSubscribeMessage: (options: { tmplIds: string[] }) => {
    subscribeRequests.push(options.tmplIds)
    return subscribeAnswer()
  },
  downloadFile: async ({ url }: { url: string }) => {
    downloads.push(url)
    return { tempFilePath: `wxfile://tmp/${url.split('/').pop()}`, statusCode: 200 }
  },
  openDocument: async (options: { filePath: string; fileType?: string }) => {
    openedDocuments.push({ filePath: options.filePath, fileType: options.fileType })
  },
  getEnv: () => 'WEB',
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => {
    storage.set(key, JSON.parse(JSON.stringify(value)))
  },
  removeStorageSync: (key: string) => {
    storage.delete(key)
  },
  makePhoneCall: async ({ phoneNumber }: { phoneNumber: string }) => {
    phoneCalls.push(phoneNumber)
  },
  previewImage: async (options: { urls: string[]; current?: string }) => {
    previews.push(options)
  },
  canIUse: () => false,
  stopPullDownRefresh: async () => undefined,
  pageScrollTo: async () => undefined,
  nextTick: (fn: () => void) => {
    void Promise.resolve().then(fn)
  },
  eventCenter,
}

export function useRouter(): { params: Record<string, string> } {
  return { params: routerParams }
}

/** Page hooks the tests do not drive: registered and ignored. */
export function usePullDownRefresh(_fn: () => void): void {}
export function useShareAppMessage(_fn: (res: { from: string; target?: unknown }) => unknown): void {}
export function useShareTimeline(_fn: () => unknown): void {}

/** Page lifecycle hook: like Taro, fires once when the page first shows, then on every showPage(). */
export function useDidShow(fn: () => void): void {
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    const entry = () => latest.current()
    showHandlers.push(entry)
    entry()
    return () => {
      showHandlers = showHandlers.filter((h) => h !== entry)
    }
  }, [])
}

/** Page lifecycle hook: fires on every hidePage(). */
export function useDidHide(fn: () => void): void {
  const latest = useRef(fn)
  latest.current = fn
  useEffect(() => {
    const entry = () => latest.current()
    hideHandlers.push(entry)
    return () => {
      hideHandlers = hideHandlers.filter((h) => h !== entry)
    }
  }, [])
}

export default Taro

type Answer = ((data: Record<string, unknown>) => unknown) | object | string | number | boolean | null

/**
 * Answers each `function.action` with its data (or a function of the call's data) wrapped in a
 * success envelope; throw a `{ code, message }` from a function to answer a failure envelope.
 */
export function respondByAction(answers: Record<string, Answer>): void {
  respondWith(async ({ name, data }) => {
    const key = `${name}.${String(data.action)}`
    if (!(key in answers)) return { result: { ok: false, error: { code: 'INTERNAL', message: `测试未设置 ${key}` } } }
    const answer = answers[key]
    try {
      const value = typeof answer === 'function' ? await (answer as (d: Record<string, unknown>) => unknown)(data) : answer
      return { result: { ok: true, data: value } }
    } catch (e) {
      const { code, message } = e as { code: string; message: string }
      return { result: { ok: false, error: { code, message } } }
    }
  })
}

/** The calls made to one action, as their data without the action name. */
export function callsTo(name: string, action: string): Record<string, unknown>[] {
  return calls.filter((c) => c.name === name && c.data.action === action).map(({ data: { action: _a, ...rest } }) => rest)
}
