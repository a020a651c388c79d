import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import { type CosmWasmChainReader, createEvmChainReader, type EvmChainReader } from '@ferry/sdk'
import { createCosmWasmChainReader } from '@ferry/sdk/cosmwasm'
import type { Logger } from 'pino'
import type { ChainConfig } from '../config/schema.js'
import { createCosmWasmSource } from './createCosmWasmSource.js'

/** A config entry's reader: EVM over viem, or CosmWasm over a node's RPC or an embedded chain. */
export type ConfiguredChainReader = EvmChainReader | CosmWasmChainReader

export type CreateChainReaderParameters = {
  chain: ChainConfig
  /** Index of `chain` in the config's `chains`, for errors naming the field. */
  index: number
  /** Chains embedded in this process, by chain id, for `embedded://` entries. */
  embeddedChains?: ReadonlyMap<string, EmbeddedChain> | undefined
  logger: Logger
}

/**
 * The keyless reader a config entry describes (what a validator and the API read through):
 * EVM over viem, or CosmWasm over CometBFT RPC or, for an `embedded://` entry, the embedded
 * chain the process handed over.
 *
 * @example
 * const reader = createChainReader({ chain: config.chains[0], index: 0, logger })
 */
export function createChainReader({
  chain,
  index,
  embeddedChains,
  logger,
}: CreateChainReaderParameters): ConfiguredChainReader {
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
    source: createCosmWasmSource({ chain, index, embeddedChains, logger: cosmwasmLog }).source,
    logger: cosmwasmLog,
  })
}
