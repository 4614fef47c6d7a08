import Taro from '@tarojs/taro'
import { useCallback, useEffect, useRef, useState } from 'react'

const PREFIX = 'qq.draft.'

function read<T>(key: string): Partial<T> | undefined {
  try {
    const raw: unknown = Taro.getStorageSync(PREFIX + key)
    return raw && typeof raw === 'object' ? (raw as Partial<T>) : undefined
  } catch {
    return undefined
  }
}

/**
 * Form state that survives a reload or a closed mini-program: kept in local storage as she types,
 * merged over `initial` when the form opens again, and forgotten once the form is sent.
 * `initial` (e.g. her earlier answers) counts only when nothing was kept.
 */
export function useDraft<T extends object>(key: string, initial: T): [T, (update: (d: T) => T) => void, () => void] {
  const [draft, setDraft] = useState<T>(() => ({ ...initial, ...read<T>(key) }))
  const dirty = useRef(false)
  useEffect(() => {
    if (!dirty.current) return
    try {
      Taro.setStorageSync(PREFIX + key, draft)
    } catch {
      // storage full or unavailable: the form still works, it just will not survive a reload
    }
  }, [key, draft])
  const update = useCallback((fn: (d: T) => T) => {
    dirty.current = true
    setDraft(fn)
  }, [])
  const clear = useCallback(() => {
    dirty.current = false
    try {
      Taro.removeStorageSync(PREFIX + key)
    } catch {
      // nothing kept, nothing to forget
    }
  }, [key])
  return [draft, update, clear]
}
