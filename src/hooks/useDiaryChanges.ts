import Taro from '@tarojs/taro'
import { useEffect, useRef } from 'react'

// The diary forms are pages of their own (in the forms subpackage); the 晒娃 tab under them hears
// what they did, so it can open the contest she entered or show her new words without a wait.
export type DiaryChange = { kind: 'posted'; contestId?: string } | { kind: 'edited'; id: string; text: string }

const EVENT = 'diary:changed'

export function announceDiaryChange(change: DiaryChange): void {
  Taro.eventCenter.trigger(EVENT, change)
}

export function useDiaryChanges(handle: (change: DiaryChange) => void): void {
  const latest = useRef(handle)
  latest.current = handle
  useEffect(() => {
    const listener = (change: DiaryChange) => latest.current(change)
    Taro.eventCenter.on(EVENT, listener)
    return () => {
      Taro.eventCenter.off(EVENT, listener)
    }
  }, [])
}
