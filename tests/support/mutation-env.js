// Mutation runs only (stryker.config.mjs). A mutant is killed by its first failing test, so once one
// fails the tests after it are skipped: jest has no programmatic bail, and without this every mutant
// would run every test that reaches it. Which mutants are killed does not change, only how long it
// takes to find out. The dry run (no active mutant) runs everything, as coverage needs.
const { TestEnvironment } = require('jest-environment-node')

function skipAll(block) {
  for (const child of block.children) {
    if (child.type === 'test') child.mode = 'skip'
    else skipAll(child)
  }
}

class SkipAfterFirstFailure extends TestEnvironment {
  handleTestEvent(event) {
    // the instrumenter's context, shared by every test file in this worker
    const stryker = this.global.__stryker__
    if (!stryker || stryker.activeMutant === undefined) return
    const failed =
      event.name === 'test_fn_failure' || event.name === 'hook_failure' || (event.name === 'test_done' && event.test.errors.length > 0)
    if (failed) stryker.failedMutant = stryker.activeMutant
    if (stryker.failedMutant !== stryker.activeMutant) return
    if (event.name === 'test_start') event.test.mode = 'skip'
    // a describe block with nothing left to run skips its beforeAll too (a file's harness start-up)
    if (event.name === 'run_describe_start') skipAll(event.describeBlock)
  }
}

module.exports = SkipAfterFirstFailure
