import { BaseError } from '@ferry/protocol'
import { openStore } from '../store/openStore.js'
import type { RelayerStore } from '../store/types.js'
import { loadCliConfig } from './loadCliConfig.js'
import type { CliArgs, CliContext, CliOption } from './types.js'
import { ExitCode } from './types.js'

/** `--store <url>`: the store a command works on, instead of the config's `store.url`. */
export const STORE_OPTION: CliOption = {
  type: 'string',
  placeholder: '<url>',
  description: "Store URL (default: the config's store.url)",
}

/**
 * Opens the store a command names (`--store`, else the config's `store.url`), runs `use` on it and
 * closes it. A store that cannot be opened (a bad URL, a PGlite directory a running relayer holds)
 * is printed as `ferry <command>: …` and becomes exit code 1 or 2.
 *
 * @example
 * return await withCliStore(args, context, 'api-key list', async (store) => { … })
 */
export async function withCliStore(
  args: CliArgs,
  context: CliContext,
  command: string,
  use: (store: RelayerStore) => Promise<number>,
): Promise<number> {
  let url = args.values.store
  if (typeof url !== 'string') {
    const loaded = loadCliConfig(args, context)
    if (loaded.type === 'failed') return loaded.exitCode
    url = loaded.config.store.url
  }
  let store: RelayerStore
  try {
    store = await openStore(url, {
      field: typeof args.values.store === 'string' ? '--store' : 'store.url',
    })
  } catch (error) {
    if (!(error instanceof BaseError)) throw error
    context.stderr.write(`ferry ${command}: ${error.message}\n`)
    return ExitCode.failure
  }
  try {
    return await use(store)
  } finally {
    await store.close()
  }
}
