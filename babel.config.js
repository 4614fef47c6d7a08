// babel-preset-taro: see the Taro docs for options.
//
// H5 is built for the browsers that open it today (WeChat's in-app browser: Chromium-based XWeb
// on Android, WKWebView on iOS 13+), not the preset's default of iOS 9 / Android 5, and without
// core-js ponyfills: with `useBuiltIns: 'usage'` every `Promise`, `URL` or `Symbol` pulled one in
// whatever the targets (some 370 KB before minifying, the largest part of app.js, evaluated before
// the first screen), and old targets rewrote modern syntax into slower code. The code uses no
// built-in these browsers lack. weapp keeps the preset's defaults.
const h5 = process.env.TARO_ENV === 'h5'

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
        ...(h5 ? { targets: { chrome: '86', ios: '13' } } : {}),
      },
    ],
  ],
}
