// Operator-maintained settings (one document per topic), edited in the cloud console.
import type { Database } from '../cloud'
import { findById } from './documents'

export const SETTINGS = 'settings'

export interface LandingSettings {
  _id: 'landing'
  guide?: { title: string; fileID: string }
}

export const readSetting = <T>(db: Database, id: string) => findById<T>(db, SETTINGS, id)
