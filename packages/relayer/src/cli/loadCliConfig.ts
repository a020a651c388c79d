import { ConfigError } from '../config/errors.js'
import { loadConfig } from '../config/loadConfig.js'
import type { FerryConfig } from '../config/schema.js'
import type { CliArgs, CliContext, CliOption } from './types.js'
import { ExitCode } from './types.js'
import { writeConfigError } from './writeConfigError.js'

/** `--config <file>`, which every command that reads a config takes. */
export const CONFIG_OPTION: CliOption = {
  type: 'string',
  short: 'c',
  placeholder: '<file>',
  description: 'Config file (default: $FERRY_CONFIG, else ./ferry.yaml)',
}

/** The config, or the exit code to return after its issues were printed. */
export type LoadCliConfigReturnType =
  | { type: 'loaded'; config: FerryConfig; file: string }
  | { type: 'failed'; exitCode: number }

/**
 * Loads the config a command names (`--config`, else `$FERRY_CONFIG`, else `./ferry.yaml`) with the
 * process's env overrides. A `ConfigError` is printed to stderr and becomes exit code 1.
 *
 * @example
 * const loaded = loadCliConfig(args, context)
 * if (loaded.type === 'failed') return loaded.exitCode
 */
export function loadCliConfig(args: CliArgs, context: CliContext): LoadCliConfigReturnType {
  const fromEnv = context.env.FERRY_CONFIG
  const file =
    typeof args.values.config === 'string'
      ? args.values.config
      : fromEnv !== undefined && fromEnv !== ''
        ? fromEnv
        : 'ferry.yaml'
  try {
    return { type: 'loaded', config: loadConfig({ path: file, env: context.env }), file }
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error
    writeConfigError(error, context.stderr)
    return { type: 'failed', exitCode: ExitCode.usage }
  }
}
