// One import for the content styles, always after the shared ones, so every chunk sees the same
// stylesheet order (the mini-program build warns and may reorder otherwise).
import '../ui/ui.css'
import '../member/member.css'
import './content.css'
