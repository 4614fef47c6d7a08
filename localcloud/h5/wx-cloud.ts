// A `wx.cloud` stand-in for the H5 build: the same calls the mini-program makes, sent to
// localcloud's client gateway with the development identity the app's identity picker chose.
// Browser-only code (fetch, Blob, URL); no Node imports.

export interface InstallOptions {
  /** origin of localcloud; default: the page's own origin (npm start serves both) */
  baseUrl?: string
  /** the openid to act as (the identity picker keeps it in localStorage); may be empty */
  getOpenid(): string | null | undefined
  /** what the subscribe-message popup would answer; default: accept every template */
  decideSubscription?(tmplIds: string[]): Promise<Record<string, 'accept' | 'reject'>> | Record<string, 'accept' | 'reject'>
}

interface Callbacks<T> {
  success?(res: T): void
  fail?(err: WxError): void
  complete?(res: T | WxError): void
}

export interface WxError extends Error {
  errCode: number
  errMsg: string
}

export interface CallFunctionResult { result: unknown; errMsg: string; requestID: string }
export interface UploadFileResult { fileID: string; statusCode: number; errMsg: string }
export interface TempFileItem { fileID: string; tempFileURL: string; maxAge: number; status: number; errMsg: string }
export interface DownloadFileResult { tempFilePath: string; statusCode: number; errMsg: string }

export interface WxCloudStandIn {
  init(options?: { env?: string; traceUser?: boolean }): void
  callFunction(options: { name: string; data?: Record<string, unknown> } & Callbacks<CallFunctionResult>): Promise<CallFunctionResult> | undefined
  uploadFile(options: { cloudPath: string; filePath: string | Blob } & Callbacks<UploadFileResult>): Promise<UploadFileResult> | undefined
  getTempFileURL(
    options: { fileList: Array<string | { fileID: string; maxAge?: number }> } & Callbacks<{ fileList: TempFileItem[]; errMsg: string }>,
  ): Promise<{ fileList: TempFileItem[]; errMsg: string }> | undefined
  downloadFile(options: { fileID: string } & Callbacks<DownloadFileResult>): Promise<DownloadFileResult> | undefined
}

function wxError(errMsg: string, errCode = -1): WxError {
  const err = new Error(errMsg) as WxError
  err.errCode = errCode
  err.errMsg = errMsg
  return err
}

/** Like every wx API: callbacks when any is given (no promise), a promise otherwise. */
function settle<T>(options: Callbacks<T>, run: () => Promise<T>): Promise<T> | undefined {
  const promise = run()
  if (!options.success && !options.fail && !options.complete) return promise
  promise.then(
    (res) => {
      options.success?.(res)
      options.complete?.(res)
    },
    (err: WxError) => {
      options.fail?.(err)
      options.complete?.(err)
    },
  )
  return undefined
}

export function createWxCloud(options: InstallOptions): WxCloudStandIn & {
  requestSubscribeMessage(o: { tmplIds: string[] } & Callbacks<Record<string, string>>): Promise<Record<string, string>> | undefined
} {
  const base = (options.baseUrl ?? '').replace(/\/$/, '')
  const headers = (extra: Record<string, string> = {}): Record<string, string> => {
    const openid = options.getOpenid()
    return openid ? { 'x-wx-openid': openid, ...extra } : extra
  }

  async function post(path: string, body: BodyInit, api: string, extraHeaders: Record<string, string>): Promise<Response> {
    try {
      return await fetch(`${base}${path}`, { method: 'POST', headers: headers(extraHeaders), body })
    } catch (e) {
      throw wxError(`${api}:fail request:fail ${(e as Error).message}`)
    }
  }

  async function answer<T>(res: Response, api: string): Promise<T> {
    const text = await res.text()
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      throw wxError(`${api}:fail unexpected answer (HTTP ${res.status})`)
    }
    if (!res.ok) {
      const e = json as { errMsg?: string; errCode?: number }
      throw wxError(e?.errMsg ?? `${api}:fail HTTP ${res.status}`, e?.errCode ?? -1)
    }
    return json as T
  }

  return {
    init() {
      /* env and traceUser mean nothing locally */
    },

    callFunction(o) {
      return settle(o, async () => {
        if (!o || typeof o.name !== 'string' || !o.name) throw wxError('cloud.callFunction:fail parameter.name should be String')
        const res = await post(`/api/functions/${encodeURIComponent(o.name)}`, JSON.stringify(o.data ?? {}), 'cloud.callFunction', {
          'content-type': 'application/json',
        })
        const result = await answer<unknown>(res, 'cloud.callFunction')
        return { result, errMsg: 'cloud.callFunction:ok', requestID: res.headers.get('x-request-id') ?? '' }
      })
    },

    uploadFile(o) {
      return settle(o, async () => {
        let blob: Blob
        if (typeof o.filePath === 'string') {
          // blob: or data: URLs from chooseImage / chooseMedia in H5
          const got = await fetch(o.filePath).catch((e: Error) => {
            throw wxError(`cloud.uploadFile:fail ${e.message}`)
          })
          blob = await got.blob()
        } else {
          blob = o.filePath
        }
        const res = await post(`/api/storage/upload?cloudPath=${encodeURIComponent(o.cloudPath)}`, blob, 'cloud.uploadFile', {
          'content-type': blob.type || 'application/octet-stream',
        })
        const out = await answer<{ fileID: string }>(res, 'cloud.uploadFile')
        return { fileID: out.fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }
      })
    },

    getTempFileURL(o) {
      return settle(o, async () => {
        const res = await post('/api/storage/temp-urls', JSON.stringify({ fileList: o.fileList }), 'cloud.getTempFileURL', {
          'content-type': 'application/json',
        })
        return answer<{ fileList: TempFileItem[]; errMsg: string }>(res, 'cloud.getTempFileURL')
      })
    },

    downloadFile(o) {
      return settle(o, async () => {
        const res = await post('/api/storage/temp-urls', JSON.stringify({ fileList: [o.fileID] }), 'cloud.downloadFile', {
          'content-type': 'application/json',
        })
        const [item] = (await answer<{ fileList: TempFileItem[] }>(res, 'cloud.downloadFile')).fileList
        if (!item || item.status !== 0) throw wxError(`cloud.downloadFile:fail ${item?.errMsg ?? 'storage file not exists'}`, item?.status)
        const file = await fetch(item.tempFileURL)
        if (!file.ok) throw wxError(`cloud.downloadFile:fail HTTP ${file.status}`)
        return { tempFilePath: URL.createObjectURL(await file.blob()), statusCode: 200, errMsg: 'cloud.downloadFile:ok' }
      })
    },

    requestSubscribeMessage(o) {
      return settle(o, async () => {
        const tmplIds = Array.isArray(o?.tmplIds) ? o.tmplIds : []
        const decisions = options.decideSubscription
          ? await options.decideSubscription(tmplIds)
          : Object.fromEntries(tmplIds.map((id) => [id, 'accept' as const]))
        const res = await post('/api/subscriptions', JSON.stringify({ tmplIds, decisions }), 'requestSubscribeMessage', {
          'content-type': 'application/json',
        })
        return answer<Record<string, string>>(res, 'requestSubscribeMessage')
      })
    },
  }
}

/**
 * Define `wx.cloud` (and `wx.requestSubscribeMessage`) on the page, creating `wx` if needed.
 * Returns the cloud object, so a caller can also hang it elsewhere (e.g. on Taro).
 */
export function installWxCloud(options: InstallOptions): WxCloudStandIn {
  const cloud = createWxCloud(options)
  const g = globalThis as unknown as { wx?: Record<string, unknown> }
  const wx = (g.wx ??= {})
  wx.cloud = cloud
  if (typeof wx.requestSubscribeMessage !== 'function') wx.requestSubscribeMessage = cloud.requestSubscribeMessage
  return cloud
}
