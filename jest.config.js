// One jest run, six projects: pure domain rules, app components (jsdom), functions through localcloud
// with the real wx-server-sdk (bundled, in workers), the same functions' handlers in process,
// browser tests, and localcloud's own parity tests.
const tsJest = ['ts-jest', { tsconfig: { jsx: 'react-jsx', module: 'commonjs', moduleResolution: 'node', esModuleInterop: true, isolatedModules: true }, diagnostics: false }]

// zod's per-locale files are ESM under `.js`; jest runs CommonJS, so point it at the `.cjs` twin.
const zodLocale = { '^zod/v4/locales/(.*)\\.js$': '<rootDir>/node_modules/zod/v4/locales/$1.cjs' }

const base = {
  transform: { '^.+\\.tsx?$': tsJest },
  moduleNameMapper: zodLocale,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
}

module.exports = {
  // integration tests start localcloud and worker processes; 2-core CI machines are slow to warm up
  testTimeout: 30000,
  projects: [
    { ...base, displayName: 'unit', testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    {
      ...base,
      displayName: 'component',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/tests/component/**/*.test.ts?(x)'],
      moduleNameMapper: {
        ...zodLocale,
        '^@tarojs/components$': '<rootDir>/tests/support/taro-components.tsx',
        '^@tarojs/taro$': '<rootDir>/tests/support/taro.ts',
        '\\.(css|scss)$': '<rootDir>/tests/support/style.ts',
      },
    },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/integration/global-setup.ts',
    },
    // each function's `main` called in this process against an in-process localcloud (fast; mutation testing reaches it)
    { ...base, displayName: 'handlers', testEnvironment: 'node', testMatch: ['<rootDir>/tests/handlers/**/*.test.ts'] },
    { ...base, displayName: 'e2e', testEnvironment: 'node', testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
    { ...base, displayName: 'localcloud', testEnvironment: 'node', testMatch: ['<rootDir>/tests/localcloud/**/*.test.ts'] },
  ],
}
