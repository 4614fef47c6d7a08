// H5: the static landing page (landing-shell.ts) is worth having only if the browser paints it
// before the app's scripts run. With `<script defer>` Chrome runs them as soon as the HTML is parsed,
// often before the first frame, and a phone's CPU then spends most of a second in them with nothing
// on screen. Here the scripts download at once (`<link rel="preload">`) but run from a small loader
// after the first frame has painted, in their original order, and only once the app's stylesheets
// have loaded (a script inserted by a script is not held by stylesheets, as a parsed one is). The
// stylesheets move to the end of <body>: the static page carries its own style and need not wait.
import type { Compiler } from 'webpack'
import { onHtmlTags, type HtmlTag } from './html-tags'

const NAME = 'ScriptsAfterFirstPaintPlugin'

const isScript = (t: HtmlTag) => t.tagName === 'script' && typeof t.attributes.src === 'string'
const isStylesheet = (t: HtmlTag) => t.tagName === 'link' && t.attributes.rel === 'stylesheet'

/**
 * ES5, inlined as is. Waits for a painted frame (a timer set inside requestAnimationFrame fires after
 * that frame's paint; the second timer covers a tab in the background, where frames stop) and for
 * every stylesheet, then appends the scripts with `async = false`, which keeps their order.
 */
function loader(srcs: string[]): string {
  return `(function(){
var srcs=${JSON.stringify(srcs)};
var painted=new Promise(function(r){requestAnimationFrame(function(){setTimeout(r,0)});setTimeout(r,500)});
var styled=[].slice.call(document.querySelectorAll('link[rel=stylesheet]')).map(function(l){return new Promise(function(r){if(l.sheet)r();else{l.addEventListener('load',r);l.addEventListener('error',r)}})});
Promise.all([painted].concat(styled)).then(function(){srcs.forEach(function(s){var e=document.createElement('script');e.src=s;e.async=false;document.body.appendChild(e)})});
})()`.replace(/\n/g, '')
}

export class ScriptsAfterFirstPaintPlugin {
  apply(compiler: Compiler): void {
    onHtmlTags(compiler, NAME, (data, _compilation, tag) => {
      const all = [...data.headTags, ...data.bodyTags]
      const srcs = all.filter(isScript).map((t) => String(t.attributes.src))
      if (srcs.length === 0) throw new Error(`${NAME}: no script to load`)
      const kept = (tags: HtmlTag[]) => tags.filter((t) => !isScript(t) && !isStylesheet(t))
      return {
        headTags: [...kept(data.headTags), ...srcs.map((href) => tag('link', { rel: 'preload', as: 'script', href }))],
        bodyTags: [...kept(data.bodyTags), ...all.filter(isStylesheet), tag('script', {}, loader(srcs))],
      }
    })
  }
}
