import type { PropsWithChildren } from 'react'
import { initCloud } from './cloud-init'
import './styles/theme.css'

initCloud()

export default function App({ children }: PropsWithChildren) {
  return children
}
