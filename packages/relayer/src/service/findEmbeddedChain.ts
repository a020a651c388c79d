import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { ConfigError } from '../config/errors.js'
import { EMBEDDED_PROTOCOL } from '../config/fields.js'
import type { ChainConfig } from '../config/schema.js'

/**
 * The embedded chain a CosmWasm config entry names with `embedded://<chain id>`, from those the
 * starting process handed over (`StartServiceOptions.embeddedChains`); `undefined` for an entry
 * reached over RPC. An entry naming one the process does not embed (always so under the `ferry`
 * CLI) is a `ConfigError` on `chains[index].rpcUrls`.
 *
 * @example
 * const embedded = findEmbeddedChain(chain, index, options.embeddedChains)
 */
export function findEmbeddedChain(
  chain: ChainConfig,
  index: number,
  embeddedChains: ReadonlyMap<string, EmbeddedChain> = new Map(),
): EmbeddedChain | undefined {
  const [url] = chain.rpcUrls
  if (chain.kind !== 'cosmwasm' || !url?.startsWith(`${EMBEDDED_PROTOCOL}://`)) return undefined
  const chainId = new URL(url).host
  const embedded = embeddedChains.get(chainId)
  if (embedded) return embedded
  throw new ConfigError({
    file: 'config',
    issues: [
      {
        field: `chains[${index}].rpcUrls`,
        message: `names ${url}, a chain embedded in the process that starts the service (the devnet, tests); this process embeds ${embeddedChains.size === 0 ? 'none' : [...embeddedChains.keys()].join(', ')}`,
      },
    ],
  })
}
