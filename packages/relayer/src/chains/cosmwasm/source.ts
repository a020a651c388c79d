import type { CosmosEvent, CosmWasmExecutor, ExecuteOutcome } from '@ferry/cosmwasm-bindings'
import type { BlockRef } from '../types.js'

/** One transaction's events, where it was included. */
export type SourceTransaction = {
  height: bigint
  blockHash: string
  transactionHash: string
  events: readonly CosmosEvent[]
}

/**
 * What a write left: the outcome the typed client reads, with the gas used and, when the chain
 * included the transaction but its execution failed (wasmd: a non-zero code), that code.
 */
export type SourceOutcome = ExecuteOutcome & {
  gasUsed: bigint
  failure?: { code: number; log: string }
}

/**
 * The chain under a CosmWasm adapter: the embedded chain or a wasmd node over CometBFT RPC.
 * `createCosmWasmChain` builds the `ChainAdapter` on it with the bindings' typed client, so the
 * two differ only in how they reach blocks, events and the endpoint.
 */
export type CosmWasmSource = {
  /** The relayer's account, the sender of every write. */
  readonly sender: string
  getHead(signal?: AbortSignal): Promise<BlockRef>
  /** Hash of block `height`; undefined above the head. */
  getBlockHash(height: bigint, signal?: AbortSignal): Promise<string | undefined>
  /** Transactions in blocks `[fromHeight, toHeight]` that emitted `eventType` from `contract`. */
  searchEvents(
    query: { contract: string; eventType: string; fromHeight: bigint; toHeight: bigint },
    signal?: AbortSignal,
  ): Promise<SourceTransaction[]>
  /** An executor for queries against the state after block `height` (the latest when absent). */
  reader(height?: bigint): CosmWasmExecutor
  /**
   * Runs `write` with an executor that signs as `sender` and gives its transaction at least
   * `gasFloor` gas; one write at a time, so account sequences never collide. Resolves with what
   * `write` returned and the outcome of the transaction it executed.
   */
  write<result>(
    gasFloor: bigint,
    write: (executor: CosmWasmExecutor) => Promise<result>,
    signal?: AbortSignal,
  ): Promise<{ result: result; outcome: SourceOutcome }>
  /** The sender's balance of the fee denom, in base units. */
  getBalance(signal?: AbortSignal): Promise<bigint>
  /** Releases connections. */
  close(): void
}
