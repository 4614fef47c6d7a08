import type { PropsWithChildren } from 'react'
import { initCloud } from './cloud-init'
import { followMovedPages } from './services/moved-pages'
import './styles/theme.css'

initCloud()
// old links to the forms (before they moved to their subpackage) still open them
followMovedPages()

export default function App({ children }: PropsWithChildren) {
  return children
}
