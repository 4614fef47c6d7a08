// The live pages' styles, always after the shared ones (the same order in every chunk).
import '../../../components/content/styles'
import './live.css'
