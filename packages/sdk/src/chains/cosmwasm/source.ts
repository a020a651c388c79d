import type { CosmosEvent, CosmWasmExecutor } from '@ferry/cosmwasm-bindings'
import type { BlockRef } from '../types.js'

/** One transaction's events, where it was included. */
export type SourceTransaction = {
  height: bigint
  blockHash: string
  transactionHash: string
  events: readonly CosmosEvent[]
}

/**
 * The chain under a CosmWasm reader: the embedded chain or a wasmd node over CometBFT RPC.
 * `createCosmWasmChainReader` builds the `ChainReader` on it with the bindings' typed client, so
 * the two differ only in how they reach blocks, events and the endpoint's state.
 */
export type CosmWasmReadSource = {
  getHead(signal?: AbortSignal): Promise<BlockRef>
  /** Hash of block `height`; undefined above the head. */
  getBlockHash(height: bigint, signal?: AbortSignal): Promise<string | undefined>
  /** Transactions in blocks `[fromHeight, toHeight]` that emitted `eventType` from `contract`. */
  searchEvents(
    query: { contract: string; eventType: string; fromHeight: bigint; toHeight: bigint },
    signal?: AbortSignal,
  ): Promise<SourceTransaction[]>
  /**
   * The transaction with hash `hash` (hex, either case) and its events; undefined when the chain
   * does not know it (not included yet, another chain's, or older than the node keeps).
   */
  getTransaction(hash: string, signal?: AbortSignal): Promise<SourceTransaction | undefined>
  /**
   * An executor for queries against the state after block `height` (the latest when absent).
   * It does not execute: a reader holds no key.
   */
  reader(height?: bigint): CosmWasmExecutor
  /** Releases connections. */
  close(): void
}
