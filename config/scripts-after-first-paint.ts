// H5: the static landing page (landing-shell.ts) is worth having only if the browser paints it
// before the app's scripts run. With `<script defer>` Chrome runs them as soon as the HTML is parsed,
// often before the first frame, and a phone's CPU then spends most of a second in them with nothing
// on screen. Here the scripts download at once (`<link rel="preload">`) but run from a small loader
// after the first frame has painted, in their original order, and only once the app's stylesheets
// have loaded (a script inserted by a script is not held by stylesheets, as a parsed one is). The
// stylesheets move to the end of <body>: the static page carries its own style and need not wait.
import type { Compilation, Compiler } from 'webpack'

interface HtmlTag {
  tagName: string
  attributes: Record<string, string | boolean | undefined>
  innerHTML?: string
}

/** The parts of html-webpack-plugin used here, taken from the instance Taro configured. */
interface HtmlPluginClass {
  getHooks(compilation: Compilation): {
    alterAssetTagGroups: { tap(name: string, fn: (data: { headTags: HtmlTag[]; bodyTags: HtmlTag[] }) => unknown): void }
  }
  createHtmlTagObject(tagName: string, attributes: Record<string, string>, innerHTML?: string): HtmlTag
}

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
    const html = compiler.options.plugins.find((p) => p?.constructor.name === 'HtmlWebpackPlugin')
    if (!html) throw new Error(`${NAME}: needs html-webpack-plugin`)
    const HtmlWebpackPlugin = html.constructor as unknown as HtmlPluginClass
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const all = [...data.headTags, ...data.bodyTags]
        const srcs = all.filter(isScript).map((t) => String(t.attributes.src))
        if (srcs.length === 0) throw new Error(`${NAME}: no script to load`)
        const stylesheets = all.filter(isStylesheet)
        const kept = (tags: HtmlTag[]) => tags.filter((t) => !isScript(t) && !isStylesheet(t))
        data.headTags = [...kept(data.headTags), ...srcs.map((href) => HtmlWebpackPlugin.createHtmlTagObject('link', { rel: 'preload', as: 'script', href }))]
        data.bodyTags = [...kept(data.bodyTags), ...stylesheets, HtmlWebpackPlugin.createHtmlTagObject('script', {}, loader(srcs))]
        return data
      })
    })
  }
}
