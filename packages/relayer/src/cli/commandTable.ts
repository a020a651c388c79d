import { apiKeyCreateCommand } from './commands/apiKeyCreate.js'
import { apiKeyListCommand } from './commands/apiKeyList.js'
import { apiKeyRevokeCommand } from './commands/apiKeyRevoke.js'
import { configCheckCommand } from './commands/configCheck.js'
import { debugCommand } from './commands/debug.js'
import { explorerCommand } from './commands/explorer.js'
import { createRelayerStartCommand } from './commands/relayerStart.js'
import { createValidatorStartCommand } from './commands/validatorStart.js'
import type { CliCommand } from './types.js'

/**
 * Every `ferry` command, in the order help lists them. A new command is one file in `commands/`
 * and one line here.
 *
 * @example
 * await runCli(['config', 'check', '--config', 'ferry.yaml'], context, commandTable)
 */
export const commandTable: readonly CliCommand[] = [
  configCheckCommand,
  createValidatorStartCommand(),
  createRelayerStartCommand(),
  explorerCommand,
  debugCommand,
  apiKeyCreateCommand,
  apiKeyListCommand,
  apiKeyRevokeCommand,
]
