// H5: the landing page's chunk is loaded on demand by the router, i.e. only after app.js has
// downloaded and run — one more round trip, in sequence, on the first screen. A <link rel="preload">
// in index.html lets the browser fetch it alongside app.js; the router's request then finds it
// in the memory cache. Only the first page is preloaded: it is where every visit starts.
import path from 'node:path'
import type { Chunk, Compilation, Compiler, Module } from 'webpack'
import { onHtmlTags } from './html-tags'

const NAME = 'PreloadFirstPagePlugin'

/** The file (no extension) a module was built from, also when webpack concatenated it with others. */
function sourcesOf(module: Module): string[] {
  const m = module as Module & { resource?: string; modules?: Module[] }
  if (m.modules) return m.modules.flatMap(sourcesOf)
  return m.resource ? [m.resource.replace(/\?.*$/, '').replace(/\.[jt]sx?$/, '')] : []
}

function chunksOfPage(compilation: Compilation, pageFile: string): Chunk[] {
  for (const chunk of compilation.chunks) {
    if (chunk.canBeInitial()) continue
    for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
      if (sourcesOf(module).includes(pageFile)) {
        // the page's own chunk and any chunk split off beside it (they load together)
        return [...chunk.groupsIterable].flatMap((group) => group.chunks)
      }
    }
  }
  return []
}

export class PreloadFirstPagePlugin {
  /** @param pageFile the page's source file without extension, e.g. `<src>/pages/index/index` */
  constructor(private readonly pageFile: string) {}

  apply(compiler: Compiler): void {
    onHtmlTags(compiler, NAME, (data, compilation, tag) => {
      const publicPath = String(compilation.outputOptions.publicPath ?? '')
      const files = [...new Set(chunksOfPage(compilation, path.resolve(this.pageFile)).flatMap((c) => [...c.files]))]
      if (files.length === 0) throw new Error(`${NAME}: no chunk holds ${this.pageFile}`)
      const links = files.filter((f) => /\.(js|css)$/.test(f)).map((f) => tag('link', { rel: 'preload', as: f.endsWith('.css') ? 'style' : 'script', href: publicPath + f }))
      data.headTags.unshift(...links)
      return data
    })
  }
}
