import { basename, join } from 'node:path'

/**
 * Reporters for every package's vitest config. Under CI each package also writes a JSON report
 * to `<repo>/.reports/`, from which `.ci/run` prints one `N passed, N failed` line for the repo.
 */
export function reporters(packageDir: string): (string | [string, Record<string, unknown>])[] {
  if (!process.env.CI) return ['default']
  const outputFile = join(packageDir, '..', '..', '.reports', `${basename(packageDir)}.json`)
  return ['default', ['json', { outputFile }]]
}
