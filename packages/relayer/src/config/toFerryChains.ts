import type { FerryChain } from '@ferry/sdk'
import type { FerryConfig } from './schema.js'

/**
 * The config's chains as the SDK takes them (keyless: the SDK only reads and simulates here),
 * for the replay debugger that `ferry debug` and the API's `/simulation` run through the SDK.
 *
 * @example
 * const client = createFerryClient({ chains: toFerryChains(config) })
 */
export function toFerryChains(config: FerryConfig): FerryChain[] {
  return config.chains.map((chain): FerryChain => {
    const { name, domain, rpcUrls } = chain
    if (chain.kind === 'evm')
      return { kind: 'evm', name, domain, endpoint: chain.endpoint, rpcUrls }
    return {
      kind: 'cosmwasm',
      name,
      domain,
      endpoint: chain.endpoint,
      bech32Prefix: chain.bech32Prefix,
      rpcUrls,
      chainId: chain.chainId,
    }
  })
}
