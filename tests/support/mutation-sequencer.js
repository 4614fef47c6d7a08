// Mutation runs only: the fast unit tests first, so most mutants are killed before a handler test
// starts its in-process cloud (jest's own order puts the slowest files first).
const Sequencer = require('@jest/test-sequencer').default

const rank = (path) => (/[\\/]tests[\\/]unit[\\/]/.test(path) ? 0 : 1)

class UnitTestsFirst extends Sequencer {
  sort(tests) {
    return [...tests].sort((a, b) => rank(a.path) - rank(b.path) || a.path.localeCompare(b.path))
  }
}

module.exports = UnitTestsFirst
