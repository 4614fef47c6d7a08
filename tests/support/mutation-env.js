// Mutation runs only (stryker.config.mjs). Two savings, neither of which changes which mutants are
// killed, only how long it takes to find out:
// - the dry run (no active mutant) notes which test files cover each mutant, so a mutant's run loads
//   only those files (mutation-sequencer.js), not every file that imports the mutated module;
// - once a test has failed the mutant is killed, so the tests after it are skipped (jest has no
//   programmatic bail: every test that reaches a mutant would run).
const fs = require('node:fs')
const { TestEnvironment } = require('jest-environment-node')
const { COVERAGE_FILES, activeMutant } = require('./mutation-shared')

const filesByMutant = new Map()

function skipAll(block) {
  for (const child of block.children) {
    if (child.type === 'test') child.mode = 'skip'
    else skipAll(child)
  }
}

const staticHits = (stryker) => (stryker.mutantCoverage && stryker.mutantCoverage.static) || {}
const perTestHits = (stryker, testName) => (stryker.mutantCoverage && stryker.mutantCoverage.perTest && stryker.mutantCoverage.perTest[testName]) || {}

// the test's id as the Stryker environment names it: describe names and the test's, space-separated
function fullName(test) {
  const names = []
  for (let block = test.parent; block && block.parent; block = block.parent) names.unshift(block.name)
  return [...names, test.name].join(' ')
}

class MutationRunEnvironment extends TestEnvironment {
  constructor(config, context) {
    super(config, context)
    this.testPath = context.testPath
  }

  handleTestEvent(event) {
    // the instrumenter's context, shared by every test file in this worker
    const stryker = this.global.__stryker__
    const mutant = activeMutant()
    if (!stryker) return
    if (mutant === undefined) {
      // code run outside a test (module loading, hooks) counts as static: note what this file adds
      if (event.name === 'setup') this.staticBefore = { ...staticHits(stryker) }
      if (event.name === 'test_done') this.note(Object.keys(perTestHits(stryker, fullName(event.test))))
      return
    }
    // not a hook's failure: jest reports it through the tests of its block, which must still run to
    // carry it (skipped, they would hide it and the mutant would survive)
    const failed = event.name === 'test_fn_failure' || (event.name === 'test_done' && event.test.errors.length > 0)
    if (failed) stryker.failedMutant = mutant
    if (stryker.failedMutant !== mutant) return
    if (event.name === 'test_start') event.test.mode = 'skip'
    // a describe block with nothing left to run skips its beforeAll too (a file's harness start-up)
    if (event.name === 'run_describe_start') skipAll(event.describeBlock)
  }

  note(ids) {
    for (const id of ids) {
      if (!filesByMutant.has(id)) filesByMutant.set(id, new Set())
      filesByMutant.get(id).add(this.testPath)
    }
  }

  async teardown() {
    const stryker = this.global.__stryker__
    if (stryker && this.staticBefore) {
      const now = staticHits(stryker)
      this.note(Object.keys(now).filter((id) => now[id] !== this.staticBefore[id]))
    }
    if (activeMutant() === undefined && filesByMutant.size > 0) {
      const out = {}
      for (const [id, files] of filesByMutant) out[id] = [...files]
      fs.writeFileSync(COVERAGE_FILES, JSON.stringify(out))
    }
    await super.teardown()
  }
}

module.exports = MutationRunEnvironment
