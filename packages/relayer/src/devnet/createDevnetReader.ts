import {
  type CosmWasmChainReader,
  createCosmWasmChainReader,
  createCosmWasmEmbeddedSource,
  createCosmWasmRpcSource,
  createEvmChainReader,
  type EvmChainReader,
} from '@ferry/sdk'
import type { Logger } from 'pino'
import type { DevnetChain } from './connectDevnetChains.js'

/**
 * A keyless reader of one devnet chain (what its validator reads through): over the EVM node's
 * RPC, the embedded chain, or the wasmd node's CometBFT RPC.
 *
 * @example
 * const { reader, close } = createDevnetReader({ chain, logger })
 */
export function createDevnetReader({ chain, logger }: { chain: DevnetChain; logger: Logger }): {
  reader: EvmChainReader | CosmWasmChainReader
  /** Releases the reader's connections. */
  close(): void
} {
  const log = logger.child({ module: 'chain', chain: chain.name })
  if (chain.kind === 'evm')
    return {
      reader: createEvmChainReader({
        domain: chain.domain,
        rpcUrls: [chain.rpcUrl],
        endpoint: chain.endpoint,
        pollingIntervalMs: 100,
        logger: log,
      }),
      close: () => {},
    }
  const { node } = chain
  const cosmwasmLog = log.child({ module: 'cosmwasm', domain: chain.domain })
  const reader = createCosmWasmChainReader({
    domain: chain.domain,
    endpoint: chain.endpoint,
    source:
      node.type === 'embedded'
        ? createCosmWasmEmbeddedSource({ chain: node.chain })
        : createCosmWasmRpcSource({
            domain: chain.domain,
            rpcUrls: [node.rpcUrl],
            chainId: chain.chainId,
            logger: cosmwasmLog,
          }),
    logger: cosmwasmLog,
  })
  return { reader, close: () => reader.close() }
}
