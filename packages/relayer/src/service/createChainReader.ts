import {
  type CosmWasmChainReader,
  type CosmWasmRpcSource,
  createCosmWasmChainReader,
  createCosmWasmRpcSource,
  createEvmChainReader,
  type EvmChainReader,
} from '@ferry/sdk'
import type { Logger } from 'pino'
import type { ChainConfig } from '../config/schema.js'

/** A config entry's reader: EVM over viem, or CosmWasm over a node's RPC source. */
export type ConfiguredChainReader = EvmChainReader | CosmWasmChainReader<CosmWasmRpcSource>

/**
 * The keyless reader a config entry describes (what a validator and the API read through, and
 * what a relayer's submitter wraps): EVM over viem, or CosmWasm over CometBFT RPC.
 *
 * @example
 * const reader = createChainReader({ chain: config.chains[0], logger })
 */
export function createChainReader({
  chain,
  logger,
}: {
  chain: ChainConfig
  logger: Logger
}): ConfiguredChainReader {
  const log = logger.child({ module: 'chain', chain: chain.name })
  if (chain.kind === 'evm')
    return createEvmChainReader({
      domain: chain.domain,
      rpcUrls: chain.rpcUrls,
      endpoint: chain.endpoint,
      logger: log,
      pollingIntervalMs: Math.min(1_000, chain.pollIntervalMs),
      ...(chain.maxBlockSpan === undefined ? {} : { logBlockSpan: BigInt(chain.maxBlockSpan) }),
    })
  const cosmwasmLog = log.child({ module: 'cosmwasm', domain: chain.domain })
  return createCosmWasmChainReader({
    domain: chain.domain,
    endpoint: chain.endpoint,
    source: createCosmWasmRpcSource({
      domain: chain.domain,
      rpcUrls: chain.rpcUrls,
      chainId: chain.chainId,
      logger: cosmwasmLog,
    }),
    logger: cosmwasmLog,
  })
}
