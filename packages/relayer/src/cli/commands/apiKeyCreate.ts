import { generateApiKey, hashApiKey } from '../../api/auth/apiKeyText.js'
import { ApiKeyNameTakenError } from '../../store/errors.js'
import type { ApiKeyScope } from '../../store/types.js'
import { CONFIG_OPTION } from '../loadCliConfig.js'
import { type CliCommand, ExitCode } from '../types.js'
import { STORE_OPTION, withCliStore } from '../withCliStore.js'

const scopes: readonly ApiKeyScope[] = ['read', 'operate']
// Not all digits: `ferry api-key revoke` takes an id or a name.
const namePattern = /^(?!\d+$)[A-Za-z0-9._-]{1,64}$/

/**
 * `ferry api-key create --scope read|operate --name <name>`: makes a key and prints it once, on
 * stdout alone (for `key=$(ferry api-key create …)`); the store keeps only its sha256.
 *
 * @example
 * await apiKeyCreateCommand.run({ values: { scope: 'operate', name: 'ops', store: 'file:.ferry/store' } }, context)
 */
export const apiKeyCreateCommand: CliCommand = {
  path: ['api-key', 'create'],
  summary: 'Create an API key and print it (once)',
  options: {
    scope: {
      type: 'string',
      placeholder: '<read|operate>',
      description: 'read: reads when keys are required; operate: also the write routes (required)',
    },
    name: {
      type: 'string',
      placeholder: '<name>',
      description: 'Who holds the key, named in the audit log (required, unique)',
    },
    config: CONFIG_OPTION,
    store: STORE_OPTION,
  },
  async run(args, context) {
    const { scope, name } = args.values
    const fail = (message: string) => {
      context.stderr.write(`ferry api-key create: ${message}\n`)
      return ExitCode.usage
    }
    if (!scopes.includes(scope as ApiKeyScope))
      return fail(`--scope must be read or operate, got ${JSON.stringify(scope ?? null)}`)
    if (typeof name !== 'string' || !namePattern.test(name))
      return fail(
        `--name must be 1 to 64 of A-Z a-z 0-9 . _ -, not all digits, got ${JSON.stringify(name ?? null)}`,
      )
    return await withCliStore(args, context, 'api-key create', async (store) => {
      const key = generateApiKey()
      try {
        const created = await store.createApiKey({
          name,
          scope: scope as ApiKeyScope,
          keyHash: hashApiKey(key),
        })
        context.stderr.write(
          `created API key ${created.id} "${created.name}" (${created.scope}); it is shown only now:\n`,
        )
      } catch (error) {
        if (error instanceof ApiKeyNameTakenError) return fail(error.message)
        throw error
      }
      context.stdout.write(`${key}\n`)
      return ExitCode.ok
    })
  },
}
