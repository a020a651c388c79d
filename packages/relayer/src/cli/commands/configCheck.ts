import { ConfigError, type ConfigIssue } from '../../config/errors.js'
import type { SignerConfig } from '../../config/fields.js'
import { getRoutes } from '../../config/getRoutes.js'
import { resolveSigner } from '../../config/resolveSigner.js'
import type { FerryConfig } from '../../config/schema.js'
import { describeFinality } from '../../core/finality/describeFinality.js'
import { CONFIG_OPTION, loadCliConfig } from '../loadCliConfig.js'
import { type CliCommand, ExitCode } from '../types.js'
import { writeConfigError } from '../writeConfigError.js'

/**
 * `ferry config check`: loads and validates the config (with env overrides) and prints a summary,
 * or every issue to stderr (exit 1). `--secrets` also reads and checks every signer's key, for a
 * host that has them; without it, no secret is needed, so CI can check a deployment's file.
 *
 * @example
 * await configCheckCommand.run({ values: { config: 'ferry.yaml' } }, context) // 0
 */
export const configCheckCommand: CliCommand = {
  path: ['config', 'check'],
  summary: 'Validate a config file and print what it configures',
  options: {
    config: CONFIG_OPTION,
    secrets: {
      type: 'boolean',
      description: "Also read every signer's key and check its format (never printed)",
    },
  },
  async run(args, context) {
    const loaded = loadCliConfig(args, context)
    if (loaded.type === 'failed') return loaded.exitCode
    const { config, file } = loaded
    const lines = summarize(config)
    if (args.values.secrets === true) {
      const issues = signersOf(config).flatMap(({ field, label, signer }): ConfigIssue[] => {
        try {
          resolveSigner(signer, context.env, { field, configFile: file })
          return []
        } catch (error) {
          if (!(error instanceof ConfigError)) throw error
          return error.issues.map((issue) => ({
            ...issue,
            ...(label === undefined ? {} : { label }),
          }))
        }
      })
      if (issues.length > 0) {
        writeConfigError(new ConfigError({ file, issues }), context.stderr)
        return ExitCode.usage
      }
      lines.push(`  signers: ${signersOf(config).length} key(s) read and well-formed`)
    }
    context.stdout.write(`${lines.join('\n')}\n`)
    return ExitCode.ok
  },
}

function summarize(config: FerryConfig): string[] {
  const routes = getRoutes(config)
  const parts = [
    `${config.chains.length} chain${config.chains.length === 1 ? '' : 's'}`,
    `${config.validators.length} validator set${config.validators.length === 1 ? '' : 's'}`,
    ...(config.relayer === undefined
      ? []
      : [`relayer ${config.relayer.id} (${routes.length} route${routes.length === 1 ? '' : 's'})`]),
    ...(config.validator === undefined
      ? []
      : [
          `validator of ${config.validator.origin} on ${config.validator.listen.host}:${config.validator.listen.port}`,
        ]),
    // The kind only: a PostgreSQL URL may carry a password.
    `store ${config.store.kind}`,
  ]
  return [
    `ok: ${parts.join(', ')}`,
    ...config.chains.map(
      (chain) =>
        `  chain ${chain.name}: ${chain.kind}, domain ${chain.domain}, ${describeFinality(chain.finality)}, ${chain.rpcUrls.length} RPC URL(s)`,
    ),
    ...routes.map((route) => `  route ${route.from} -> ${route.to}`),
  ]
}

function signersOf(config: FerryConfig): { field: string; label?: string; signer: SignerConfig }[] {
  return [
    ...config.chains.flatMap((chain, index) =>
      chain.signer === undefined
        ? []
        : [{ field: `chains[${index}].signer`, label: chain.name, signer: chain.signer }],
    ),
    ...(config.validator === undefined
      ? []
      : [{ field: 'validator.signer', signer: config.validator.signer }]),
  ]
}
