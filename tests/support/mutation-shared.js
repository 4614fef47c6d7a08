// What the mutation-run environment and sequencer share: where the dry run leaves the test files
// covering each mutant, and the active mutant (Stryker's jest runner sets it in this variable).
const path = require('node:path')

module.exports = {
  COVERAGE_FILES: path.join(process.cwd(), '.mutation-coverage-files.json'),
  activeMutant: () => process.env.__STRYKER_ACTIVE_MUTANT__,
}
