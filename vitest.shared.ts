import { basename, join } from 'node:path'

/**
 * Reporters for every package's vitest config. When `FERRY_TEST_REPORTS` names a folder (as
 * `.ci/run` does), each package also writes a JSON report there, from which `.ci/run` prints one
 * `N passed, N failed` line for the whole repository.
 */
export function reporters(packageDir: string): (string | [string, Record<string, unknown>])[] {
  const reportDir = process.env.FERRY_TEST_REPORTS
  if (!reportDir) return ['default']
  return ['default', ['json', { outputFile: join(reportDir, `${basename(packageDir)}.json`) }]]
}
