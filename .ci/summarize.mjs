// Sums the vitest JSON reports that each package wrote under CI and prints `N passed, N failed`.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

const dir = process.argv[2] ?? '.reports'
let passed = 0
let failed = 0
for (const file of readdirSync(dir).filter((name) => name.endsWith('.json'))) {
  const report = JSON.parse(readFileSync(join(dir, file), 'utf8'))
  passed += report.numPassedTests
  failed += report.numFailedTests + report.numTodoTests + report.numPendingTests
  console.log(
    `${file.replace(/\.json$/, '')}: ${report.numPassedTests} passed, ${report.numFailedTests} failed`,
  )
}
console.log(`${passed} passed, ${failed} failed`)
if (failed > 0 || passed === 0) process.exit(1)
