import type { ConfigError } from '../config/errors.js'
import type { CliOutput } from './types.js'

/**
 * Prints a `ConfigError` for a terminal: its summary, then one line per issue, each with the file
 * and field (`ferry.yaml: chains[1].endpoint (wasm): must be …`).
 *
 * @example
 * if (error instanceof ConfigError) writeConfigError(error, context.stderr)
 */
export function writeConfigError(error: ConfigError, output: CliOutput): void {
  output.write(
    `${error.shortMessage}\n${error
      .lines()
      .map((line) => `  ${line}\n`)
      .join('')}`,
  )
}
