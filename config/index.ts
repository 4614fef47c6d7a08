import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import path from 'node:path'
import devConfig from './dev'
import { landingShell } from './landing-shell'
import { PreloadFirstPagePlugin } from './preload-first-page'
import { ScriptsAfterFirstPaintPlugin } from './scripts-after-first-paint'
import prodConfig from './prod'

// One config for both targets. `TARO_APP_CLOUD` decides how the H5 build reaches functions:
// through localcloud's client gateway (development) — weapp always uses the real wx.cloud.
// Code shared with the functions (domain/) and the H5 stand-in (localcloud/h5) sits outside src/;
// it must go through the same Babel pipeline.
const sharedSources = ['domain', 'localcloud'].map((dir) => path.resolve(__dirname, '..', dir))
// bench/size.ts builds an empty app from another source root to measure Taro's own floor
const sourceRoot = process.env.TARO_SOURCE_ROOT ?? 'src'

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'qinqin-circle',
    date: '2026-11-28',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot,
    outputRoot: process.env.TARO_OUTPUT_ROOT ?? `dist/${process.env.TARO_ENV}`,
    plugins: [],
    defineConstants: {},
    alias: {
      '@domain': path.resolve(__dirname, '..', 'domain'),
      '@localcloud-h5': path.resolve(__dirname, '..', 'localcloud', 'h5'),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    // Taro's persistent cache only watches config/ and app.config; the Babel targets live in
    // babel.config.js, and a change there must recompile, not reuse modules built for others
    cache: { enable: process.env.TARO_CACHE !== '0', buildDependencies: { babel: [path.resolve(__dirname, '..', 'babel.config.js')] } },
    mini: {
      compile: { include: sharedSources },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
    h5: {
      compile: { include: sharedSources },
      publicPath: './',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      // the landing page as static HTML, on screen before the scripts arrive (see landing-shell.ts)
      htmlPluginOption: { landingShell: landingShell() },
      webpackChain(chain) {
        // the landing page downloads beside app.js instead of after it (see the plugin)
        chain.plugin('preloadFirstPage').use(PreloadFirstPagePlugin, [path.resolve(__dirname, '..', sourceRoot, 'pages/index/index')])
        // ...and the static landing page paints before the scripts run (see the plugin)
        chain.plugin('scriptsAfterFirstPaint').use(ScriptsAfterFirstPaintPlugin)
        // Taro splits only initial chunks: every page that validates a form carried its own copy of
        // zod. One shared async chunk instead, fetched by the pages that need it (never the landing).
        const splitChunks = chain.optimization.get('splitChunks')
        chain.optimization.splitChunks({
          ...splitChunks,
          cacheGroups: { ...splitChunks.cacheGroups, zod: { test: /[\\/]node_modules[\\/]zod[\\/]/, chunks: 'async', name: 'zod', priority: 20, enforce: true } },
        })
      },
      // content-hashed names: the server lets browsers keep these for a year (localcloud/static.ts)
      output: { filename: 'js/[name].[contenthash:8].js', chunkFilename: 'js/[name].[contenthash:8].js' },
      miniCssExtractPluginOption: { filename: 'css/[name].[contenthash:8].css', chunkFilename: 'css/[name].[contenthash:8].css' },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
