import { CONFIG_OPTION } from '../loadCliConfig.js'
import { type CliCommand, ExitCode } from '../types.js'
import { STORE_OPTION, withCliStore } from '../withCliStore.js'

/**
 * `ferry api-key revoke <id | name>`: the key is refused from now on (401); its row stays, so the
 * audit log still names it. Revoking a revoked key changes nothing.
 *
 * @example
 * await apiKeyRevokeCommand.run({ values: { store: 'file:.ferry/store' }, positionals: ['ops'] }, context)
 */
export const apiKeyRevokeCommand: CliCommand = {
  path: ['api-key', 'revoke'],
  summary: 'Revoke an API key',
  argument: {
    placeholder: '<id | name>',
    description: 'the key, as `ferry api-key list` shows it',
  },
  options: { config: CONFIG_OPTION, store: STORE_OPTION },
  async run(args, context) {
    const target = args.positionals?.[0] ?? ''
    return await withCliStore(args, context, 'api-key revoke', async (store) => {
      const revoked = await store.revokeApiKey(target)
      if (!revoked) {
        context.stderr.write(
          `ferry api-key revoke: no API key has the id or name ${JSON.stringify(target)}; see ferry api-key list\n`,
        )
        return ExitCode.usage
      }
      context.stdout.write(
        `revoked API key ${revoked.id} "${revoked.name}" at ${revoked.revokedAt?.toISOString()}\n`,
      )
      return ExitCode.ok
    })
  },
}
