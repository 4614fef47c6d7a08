// One import for the content styles, always after the shared ones, so every chunk sees the same
// stylesheet order (the mini-program build warns and may reorder otherwise).
import '../member/styles'
import './content.css'
