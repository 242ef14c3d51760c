// Runs every vitest project once and ends with the plain count `N passed, N failed, N skipped`,
// read from vitest's JSON report, so that a run of no test is visible.
import { spawnSync } from 'node:child_process'
import { mkdirSync, readFileSync, rmSync } from 'node:fs'

const report = '.vitest/results.json'
mkdirSync('.vitest', { recursive: true })
rmSync(report, { force: true })
const run = spawnSync(
  'vitest',
  ['run', '--config', 'vitest.workspace.ts', '--reporter=verbose', '--reporter=json', `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { stdio: 'inherit', shell: false },
)
let counts = { passed: 0, failed: 0, skipped: 0 }
try {
  const r = JSON.parse(readFileSync(report, 'utf8'))
  counts = { passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests }
} catch {
  counts.failed = 1
  console.error('no vitest report was written')
}
console.log(`${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`)
process.exit(run.status === 0 && counts.failed === 0 && counts.passed > 0 ? 0 : 1)
