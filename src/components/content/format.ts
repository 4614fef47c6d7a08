import dayjs from 'dayjs'
import { chinaDay } from '../../../domain/time'

/** "11-28 20:00" in China time, the way a chat shows a time. */
export function shortTime(iso: string): string {
  return `${chinaDay(iso).slice(5)} ${dayjs(iso).add(8, 'hour').toISOString().slice(11, 16)}`
}
