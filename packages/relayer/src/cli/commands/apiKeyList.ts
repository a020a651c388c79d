import { CONFIG_OPTION } from '../loadCliConfig.js'
import { type CliCommand, ExitCode } from '../types.js'
import { STORE_OPTION, withCliStore } from '../withCliStore.js'

/**
 * `ferry api-key list`: every key's id, name, scope, and when it was created, last used and
 * revoked; never a key (the store has only hashes). `--json` prints the same as a JSON array.
 *
 * @example
 * await apiKeyListCommand.run({ values: { store: 'file:.ferry/store' } }, context)
 */
export const apiKeyListCommand: CliCommand = {
  path: ['api-key', 'list'],
  summary: 'List API keys (never the keys themselves)',
  options: {
    json: { type: 'boolean', description: 'Print the keys as JSON' },
    config: CONFIG_OPTION,
    store: STORE_OPTION,
  },
  async run(args, context) {
    return await withCliStore(args, context, 'api-key list', async (store) => {
      const keys = await store.listApiKeys()
      if (args.values.json === true) {
        context.stdout.write(`${JSON.stringify(keys, null, 2)}\n`)
        return ExitCode.ok
      }
      const rows = [
        ['ID', 'NAME', 'SCOPE', 'CREATED', 'LAST USED', 'REVOKED'],
        ...keys.map((key) => [
          String(key.id),
          key.name,
          key.scope,
          key.createdAt.toISOString(),
          key.lastUsedAt?.toISOString() ?? '-',
          key.revokedAt?.toISOString() ?? '-',
        ]),
      ]
      const widths = rows[0]?.map((_, column) =>
        Math.max(...rows.map((row) => row[column]?.length ?? 0)),
      )
      for (const row of rows)
        context.stdout.write(
          `${row
            .map((cell, column) => cell.padEnd(widths?.[column] ?? 0))
            .join('  ')
            .trimEnd()}\n`,
        )
      return ExitCode.ok
    })
  },
}
