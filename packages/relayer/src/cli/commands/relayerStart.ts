import { CONFIG_OPTION, loadCliConfig } from '../loadCliConfig.js'
import { runService, type StartService } from '../runService.js'
import { type CliCommand, ExitCode } from '../types.js'

// Imported when the command runs, so `config check` and `--help` never load the service's code.
const startRelayerService: StartService = async (config, options) => {
  const service = await import('../../service/startRelayerService.js')
  return service.startRelayerService(config, options)
}

/**
 * `ferry relayer start`: runs the relayer the config's `relayer` section describes, until
 * SIGINT/SIGTERM. `start` is the service to run (tests pass a fake).
 *
 * @example
 * const command = createRelayerStartCommand()
 * process.exitCode = await command.run({ values: { config: 'ferry.yaml' } }, context)
 */
export function createRelayerStartCommand(start: StartService = startRelayerService): CliCommand {
  return {
    path: ['relayer', 'start'],
    summary: 'Run a relayer: deliver messages and their proofs along the configured routes',
    options: { config: CONFIG_OPTION },
    async run(args, context) {
      const loaded = loadCliConfig(args, context)
      if (loaded.type === 'failed') return loaded.exitCode
      const { config, file } = loaded
      if (config.relayer === undefined) {
        context.stderr.write(
          `${file}: no \`relayer\` section, which \`ferry relayer start\` needs (\`relayer: {}\` takes every default)\n`,
        )
        return ExitCode.usage
      }
      return runService({
        name: 'relayer',
        config,
        graceMs: config.relayer.shutdownGraceMs,
        start,
        context,
      })
    },
  }
}
