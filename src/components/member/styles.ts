// The member components' styles, after the design system's: member.css overrides ui.css, and webpack
// keeps one order of the two for every page only if every importer asks for the same one.
import '../ui/ui.css'
import './member.css'
