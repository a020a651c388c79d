import type { CliContext } from './types.js'

/**
 * The real process as a `CliContext`: its env and stdio, SIGINT/SIGTERM listeners (which replace
 * Node's default of dying at once, so the CLI can shut down in order), and `process.exit`.
 *
 * @example
 * process.exitCode = await runCli(process.argv.slice(2), createProcessContext('1.0.0'), commandTable)
 */
export function createProcessContext(version: string): CliContext {
  return {
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    version,
    onSignal(listener) {
      process.on('SIGINT', listener)
      process.on('SIGTERM', listener)
      return () => {
        process.off('SIGINT', listener)
        process.off('SIGTERM', listener)
      }
    },
    exit: (code) => process.exit(code),
  }
}
