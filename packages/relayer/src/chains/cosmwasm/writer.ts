import type { CosmWasmExecutor, ExecuteOutcome } from '@ferry/cosmwasm-bindings'

/**
 * What a write left: the outcome the typed client reads, with the gas used and, when the chain
 * included the transaction but its execution failed (wasmd: a non-zero code), that code.
 */
export type WriterOutcome = ExecuteOutcome & {
  gasUsed: bigint
  failure?: { code: number; log: string }
}

/**
 * The signing half of a CosmWasm chain (the reading half is the sdk's `CosmWasmReadSource`):
 * the embedded chain writing as an account, or a wasmd node's signing client.
 */
export type CosmWasmWriter = {
  /** The relayer's account, the sender of every write. */
  readonly sender: string
  /**
   * Runs `write` with an executor that signs as `sender` and gives its transaction at least
   * `gasFloor` gas; one write at a time, so account sequences never collide. Resolves with what
   * `write` returned and the outcome of the transaction it executed.
   */
  write<result>(
    gasFloor: bigint,
    write: (executor: CosmWasmExecutor) => Promise<result>,
    signal?: AbortSignal,
  ): Promise<{ result: result; outcome: WriterOutcome }>
  /** The sender's balance of the fee denom, in base units. */
  getBalance(signal?: AbortSignal): Promise<bigint>
  /** Releases connections. */
  close(): void
}
