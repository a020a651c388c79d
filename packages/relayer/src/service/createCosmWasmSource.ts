import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import type { CosmWasmReadSource } from '@ferry/sdk'
import {
  type CosmWasmRpcSource,
  createCosmWasmEmbeddedSource,
  createCosmWasmRpcSource,
} from '@ferry/sdk/cosmwasm'
import type { Logger } from 'pino'
import type { CosmwasmChainConfig } from '../config/schema.js'
import { findEmbeddedChain } from './findEmbeddedChain.js'

/** Where a CosmWasm config entry's chain is read: a node over RPC, or a chain in this process. */
export type ConfiguredCosmWasmSource =
  | { type: 'rpc'; source: CosmWasmRpcSource }
  | { type: 'embedded'; source: CosmWasmReadSource; chain: EmbeddedChain }

/**
 * The read source of a CosmWasm config entry: its nodes' CometBFT RPC, or for an
 * `embedded://<chain id>` entry the embedded chain the starting process handed over.
 *
 * @example
 * const { source } = createCosmWasmSource({ chain, index, embeddedChains, logger })
 */
export function createCosmWasmSource({
  chain,
  index,
  embeddedChains,
  logger,
}: {
  chain: CosmwasmChainConfig
  index: number
  embeddedChains?: ReadonlyMap<string, EmbeddedChain> | undefined
  logger: Logger
}): ConfiguredCosmWasmSource {
  const embedded = findEmbeddedChain(chain, index, embeddedChains)
  if (embedded)
    return {
      type: 'embedded',
      source: createCosmWasmEmbeddedSource({ chain: embedded }),
      chain: embedded,
    }
  return {
    type: 'rpc',
    source: createCosmWasmRpcSource({
      domain: chain.domain,
      rpcUrls: chain.rpcUrls,
      chainId: chain.chainId,
      logger,
    }),
  }
}
