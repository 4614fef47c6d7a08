// Mutation testing (`npm run test:mutation`): plants small bugs in the backend's rules and handlers and
// counts how many the in-process tests notice. Outside `npm test`: it takes minutes, not seconds.
// Only the unit and handler tests run here: the integration tests execute bundled copies of the
// functions in worker processes, where neither per-test coverage nor the active mutant can reach.
import jestConfig from './jest.config.js'

const project = (name) => jestConfig.projects.find((p) => p.displayName === name)
const unit = project('unit')
const handlers = project('handlers')

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'jest',
  jest: {
    projectType: 'custom',
    // not jest.config.js: its project list would override the flat config below (package.json has no jest key)
    configFile: 'package.json',
    // one flat node project: the runner wraps the top-level test environment only, not each project's
    config: {
      ...unit,
      displayName: undefined,
      testTimeout: jestConfig.testTimeout,
      testMatch: [...unit.testMatch, ...(handlers ? handlers.testMatch : [])],
      // a mutant is decided by its first failing test: skip the rest, and run the fast unit tests first
      testEnvironment: './tests/support/mutation-env.js',
      testSequencer: '<rootDir>/tests/support/mutation-sequencer.js',
    },
    // each mutant runs only the test files that import its source, filtered to the tests that reached it
    enableFindRelatedTests: true,
  },
  mutate: ['domain/**/*.ts', 'server/**/*.ts', 'cloudfunctions/*/*.ts', '!**/*.d.ts', '!domain/api.ts'],
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 2,
  timeoutMS: 20000,
  reporters: ['html', 'clear-text', 'json', 'progress'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  // the sandbox needs the backend, its tests and localcloud, and the app's typed client (unit tests
  // of its request ids import it); not the pages, builds or browser tests
  ignorePatterns: ['dist', '.tmp', 'src/*', '!src/services', 'bench', 'config', 'reports', 'coverage', '.localcloud', 'tests/component', 'tests/e2e', 'tests/localcloud/*', '!tests/localcloud/support.ts', 'tests/integration'],
}
