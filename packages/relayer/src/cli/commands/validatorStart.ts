import { CONFIG_OPTION, loadCliConfig } from '../loadCliConfig.js'
import { runService, type StartService } from '../runService.js'
import { type CliCommand, ExitCode } from '../types.js'

// Imported when the command runs, so `config check` and `--help` never load the service's code.
const startValidatorService: StartService = async (config, options) => {
  const service = await import('../../service/startValidatorService.js')
  return service.startValidatorService(config, options)
}

/**
 * `ferry validator start`: runs the validator the config's `validator` section describes, until
 * SIGINT/SIGTERM. `start` is the service to run (tests pass a fake).
 *
 * @example
 * const command = createValidatorStartCommand()
 * process.exitCode = await command.run({ values: { config: 'ferry.yaml' } }, context)
 */
export function createValidatorStartCommand(
  start: StartService = startValidatorService,
): CliCommand {
  return {
    path: ['validator', 'start'],
    summary: 'Run a validator: sign final checkpoints of one origin chain and serve them',
    options: { config: CONFIG_OPTION },
    async run(args, context) {
      const loaded = loadCliConfig(args, context)
      if (loaded.type === 'failed') return loaded.exitCode
      const { config, file } = loaded
      if (config.validator === undefined) {
        context.stderr.write(
          `${file}: no \`validator\` section, which \`ferry validator start\` needs\n`,
        )
        return ExitCode.usage
      }
      return runService({
        name: 'validator',
        config,
        graceMs: config.validator.shutdownGraceMs,
        start,
        context,
      })
    },
  }
}
