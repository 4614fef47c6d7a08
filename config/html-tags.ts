// What the H5 build's plugins need of html-webpack-plugin: a say in the tags index.html gets. The
// class is taken from the instance Taro configured, so there is one copy of it and of its hooks.
import type { Compilation, Compiler } from 'webpack'

export interface HtmlTag {
  tagName: string
  attributes: Record<string, string | boolean | undefined>
  innerHTML?: string
}

export interface HtmlTagGroups {
  headTags: HtmlTag[]
  bodyTags: HtmlTag[]
}

interface HtmlPluginClass {
  getHooks(compilation: Compilation): { alterAssetTagGroups: { tap(name: string, fn: (data: HtmlTagGroups) => HtmlTagGroups): void } }
  createHtmlTagObject(tagName: string, attributes: Record<string, string>, innerHTML?: string): HtmlTag
}

export type MakeTag = HtmlPluginClass['createHtmlTagObject']

/** Lets `alter` rewrite index.html's head and body tags in every compilation. */
export function onHtmlTags(compiler: Compiler, name: string, alter: (tags: HtmlTagGroups, compilation: Compilation, tag: MakeTag) => HtmlTagGroups): void {
  const html = compiler.options.plugins.find((p) => p?.constructor.name === 'HtmlWebpackPlugin')
  if (!html) throw new Error(`${name}: needs html-webpack-plugin`)
  const HtmlWebpackPlugin = html.constructor as unknown as HtmlPluginClass
  const tag: MakeTag = (tagName, attributes, innerHTML) => HtmlWebpackPlugin.createHtmlTagObject(tagName, attributes, innerHTML)
  compiler.hooks.compilation.tap(name, (compilation) => {
    HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(name, (data) => alter(data, compilation, tag))
  })
}
