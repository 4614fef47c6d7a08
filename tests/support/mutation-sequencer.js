// Mutation runs only: a mutant's run keeps only the test files the dry run saw covering it (see
// mutation-env.js; any doubt keeps them all), fast unit tests first, so most mutants are killed
// before a handler test starts its in-process cloud.
const fs = require('node:fs')
const Sequencer = require('@jest/test-sequencer').default
const { COVERAGE_FILES, activeMutant } = require('./mutation-shared')

const rank = (file) => (/[\\/]tests[\\/]unit[\\/]/.test(file) ? 0 : 1)

function coveringFiles() {
  const mutant = activeMutant()
  if (mutant === undefined || !fs.existsSync(COVERAGE_FILES)) return undefined
  const files = JSON.parse(fs.readFileSync(COVERAGE_FILES, 'utf8'))[mutant]
  return files && files.length > 0 ? new Set(files) : undefined
}

class CoveringTestsFirst extends Sequencer {
  sort(tests) {
    const covering = coveringFiles()
    const kept = covering ? tests.filter((t) => covering.has(t.path)) : tests
    return [...(kept.length > 0 ? kept : tests)].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path))
  }
}

module.exports = CoveringTestsFirst
