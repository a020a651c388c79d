import type { EmbeddedChain } from '@ferry/cosmwasm-bindings/embedded'
import {
  createCosmWasmChainReader,
  createCosmWasmEmbeddedSource,
  createCosmWasmRpcSource,
} from '@ferry/sdk/cosmwasm'
import type { Logger } from 'pino'
import {
  type CosmWasmChainSubmitter,
  createCosmWasmChainSubmitter,
} from './createCosmWasmChainSubmitter.js'
import { createCosmWasmEmbeddedWriter } from './createCosmWasmEmbeddedWriter.js'
import { createCosmWasmRpcWriter } from './createCosmWasmRpcWriter.js'
import { createSigner } from './createSigner.js'

/** Where a CosmWasm chain is and who writes to it: in this process, or a node over CometBFT RPC. */
export type CosmWasmChainSource =
  | {
      type: 'embedded'
      chain: EmbeddedChain
      /** The relayer's account on the chain (no key: the embedded chain does not sign). */
      sender: string
    }
  | {
      type: 'rpc'
      /** CometBFT RPC URLs; the next is tried when one cannot be reached. */
      rpcUrls: readonly string[]
      /** The relayer's key: a BIP-39 mnemonic, or a 32-byte hex private key. */
      signer: string
      bech32Prefix: string
      /** Per unit of gas, amount and denom (`'0.025stake'`). */
      gasPrice: string
      /** The chain id the nodes must serve; default: whatever they serve. */
      chainId?: string | undefined
      /** Gas limit = simulated × this (at least the call's `gasFloor`). Default 1.4. */
      gasAdjustment?: number | undefined
      /** How often to look for a broadcast transaction. Default 500 ms (about a block or less). */
      broadcastPollIntervalMs?: number | undefined
      /** How long to wait for its inclusion before `RpcError`. Default 60 s. */
      broadcastTimeoutMs?: number | undefined
      /** Timeout of each RPC request. Default 10 s. */
      requestTimeoutMs?: number | undefined
    }

export type ConnectCosmWasmChainParameters = {
  domain: number
  /** The endpoint contract, bech32. */
  endpoint: string
  source: CosmWasmChainSource
  /** A child logger (`module: 'cosmwasm'`, `domain`) of it is what the chain writes to. */
  logger?: Logger | undefined
}

/**
 * A CosmWasm chain's submitter from one description of it: the sdk's reader over the embedded
 * chain or a node's RPC source, and the writer that signs on the same chain
 * (`createCosmWasmChainSubmitter` over `createCosmWasmChainReader` and
 * `createCosmWasmEmbeddedWriter` or `createCosmWasmRpcWriter`).
 *
 * @example
 * const chain = await connectCosmWasmChain({
 *   domain: 7001,
 *   endpoint: 'wasm14hj2tavq8fpesdwxxcu44rty3hh90vhujrvcmstl4zr3txmfvw9s0phg4d',
 *   source: { type: 'rpc', rpcUrls: ['http://127.0.0.1:26657'], signer: mnemonic, bech32Prefix: 'wasm', gasPrice: '0.025stake' },
 *   logger,
 * })
 */
export async function connectCosmWasmChain({
  domain,
  endpoint,
  source: params,
  logger: parent,
}: ConnectCosmWasmChainParameters): Promise<CosmWasmChainSubmitter> {
  const logger = parent?.child({ module: 'cosmwasm', domain })
  if (params.type === 'embedded') {
    const { chain, sender } = params
    return createCosmWasmChainSubmitter({
      reader: createCosmWasmChainReader({
        domain,
        endpoint,
        source: createCosmWasmEmbeddedSource({ chain }),
        logger,
      }),
      writer: createCosmWasmEmbeddedWriter({ chain, sender, endpoint }),
      logger,
    })
  }
  const source = createCosmWasmRpcSource({
    domain,
    rpcUrls: params.rpcUrls,
    chainId: params.chainId,
    requestTimeoutMs: params.requestTimeoutMs,
    logger,
  })
  const writer = await createCosmWasmRpcWriter({
    domain,
    source,
    signer: await createSigner(params.signer, params.bech32Prefix),
    gasPrice: params.gasPrice,
    gasAdjustment: params.gasAdjustment,
    broadcastPollIntervalMs: params.broadcastPollIntervalMs,
    broadcastTimeoutMs: params.broadcastTimeoutMs,
  })
  return createCosmWasmChainSubmitter({
    reader: createCosmWasmChainReader({ domain, endpoint, source, logger }),
    writer,
    logger,
  })
}
